using Dapper;

namespace Roster.Core.Storage.Statistics;

/// <summary>Rate cards of units and periods.</summary>
public static class DutyRateStore
{
    private const string Columns = """
        unit_id, period_id, workday_allowance, weekend_allowance, holiday_allowance, make_up_workday_allowance,
        workday_compensatory_hours, weekend_compensatory_hours, holiday_compensatory_hours,
        make_up_workday_compensatory_hours, version, updated_at
        """;

    /// <summary>The card of a unit (<paramref name="periodId"/> null) or of a period (<paramref name="unitId"/> null), or null.</summary>
    public static Task<DutyRateCardRow?> FindAsync(DbWork work, Guid? unitId, Guid? periodId, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<DutyRateCardRow>(work.Command(
            $"SELECT {Columns} FROM duty_rate_cards WHERE unit_id IS NOT DISTINCT FROM @unitId AND period_id IS NOT DISTINCT FROM @periodId",
            new { unitId, periodId }, ct));

    /// <summary>Every card of the given units and periods.</summary>
    public static async Task<IReadOnlyList<DutyRateCardRow>> OfAsync(
        DbWork work, IReadOnlyCollection<Guid> unitIds, IReadOnlyCollection<Guid> periodIds, CancellationToken ct) =>
        (await work.Connection.QueryAsync<DutyRateCardRow>(work.Command(
            $"SELECT {Columns} FROM duty_rate_cards WHERE unit_id = ANY(@unitIds) OR period_id = ANY(@periodIds)",
            new { unitIds = unitIds.ToArray(), periodIds = periodIds.ToArray() }, ct))).AsList();

    /// <summary>
    /// Creates the card (when <paramref name="version"/> is 0) or replaces it if still at <paramref name="version"/>;
    /// null when someone changed it meanwhile.
    /// </summary>
    public static Task<DutyRateCardRow?> SaveAsync(DbWork work, DutyRateCardRow card, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        var sql = version == 0
            ? $"""
              INSERT INTO duty_rate_cards (unit_id, period_id, workday_allowance, weekend_allowance, holiday_allowance,
                  make_up_workday_allowance, workday_compensatory_hours, weekend_compensatory_hours,
                  holiday_compensatory_hours, make_up_workday_compensatory_hours, updated_at)
              VALUES (@UnitId, @PeriodId, @WorkdayAllowance, @WeekendAllowance, @HolidayAllowance, @MakeUpWorkdayAllowance,
                  @WorkdayCompensatoryHours, @WeekendCompensatoryHours, @HolidayCompensatoryHours,
                  @MakeUpWorkdayCompensatoryHours, @UpdatedAt)
              ON CONFLICT DO NOTHING
              RETURNING {Columns}
              """
            : $"""
              UPDATE duty_rate_cards SET workday_allowance = @WorkdayAllowance, weekend_allowance = @WeekendAllowance,
                  holiday_allowance = @HolidayAllowance, make_up_workday_allowance = @MakeUpWorkdayAllowance,
                  workday_compensatory_hours = @WorkdayCompensatoryHours, weekend_compensatory_hours = @WeekendCompensatoryHours,
                  holiday_compensatory_hours = @HolidayCompensatoryHours,
                  make_up_workday_compensatory_hours = @MakeUpWorkdayCompensatoryHours, updated_at = @UpdatedAt,
                  version = version + 1
              WHERE unit_id IS NOT DISTINCT FROM @UnitId AND period_id IS NOT DISTINCT FROM @PeriodId AND version = @Version
              RETURNING {Columns}
              """;
        return work.Connection.QuerySingleOrDefaultAsync<DutyRateCardRow>(work.Command(sql, new
        {
            card.UnitId, card.PeriodId, card.WorkdayAllowance, card.WeekendAllowance, card.HolidayAllowance,
            card.MakeUpWorkdayAllowance, card.WorkdayCompensatoryHours, card.WeekendCompensatoryHours,
            card.HolidayCompensatoryHours, card.MakeUpWorkdayCompensatoryHours, card.UpdatedAt, Version = version,
        }, ct));
    }
}
