using Dapper;

namespace Roster.Core.Storage.Duty;

/// <summary>Per-unit duty settings.</summary>
public static class DutySettingsStore
{
    /// <summary>The unit's settings, or the defaults (version 0) when none are stored.</summary>
    public static async Task<DutySettingsRow> ForUnitAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        await work.Connection.QuerySingleOrDefaultAsync<DutySettingsRow>(work.Command("""
            SELECT unit_id, check_in_opens_before, check_in_closes_after, swap_needs_approval, standby_steps_in, version
            FROM duty_settings WHERE unit_id = @unitId
            """, new { unitId }, ct))
        ?? new DutySettingsRow { UnitId = unitId };

    /// <summary>Stores the settings when the version still matches (0 for a unit still on defaults); false when stale.</summary>
    public static async Task<bool> SaveAsync(DbWork work, DutySettingsRow settings, CancellationToken ct) =>
        await work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO duty_settings (unit_id, check_in_opens_before, check_in_closes_after, swap_needs_approval, standby_steps_in)
            SELECT @UnitId, @CheckInOpensBefore, @CheckInClosesAfter, @SwapNeedsApproval, @StandbyStepsIn WHERE @Version = 0
            ON CONFLICT (unit_id) DO UPDATE SET check_in_opens_before = excluded.check_in_opens_before,
                check_in_closes_after = excluded.check_in_closes_after, swap_needs_approval = excluded.swap_needs_approval,
                standby_steps_in = excluded.standby_steps_in,
                version = duty_settings.version + 1
            WHERE duty_settings.version = @Version
            """, settings, ct)) == 1;
}
