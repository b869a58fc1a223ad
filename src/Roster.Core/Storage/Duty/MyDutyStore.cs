using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>
/// A person's published duties with everything their list shows, in one round trip of two statements whatever their
/// number: the duties (unit, check-in settings, the handover note of the same role's slot ending as it starts) and the
/// check-ins of their slots.
/// </summary>
public static class MyDutyStore
{
    private const string Sql = """
        SELECT v.period_id, v.unit_id, u.name AS unit_name, u.time_zone, a.slot_key, a.shift_code, a.role, a.duty_date,
               a.starts_at, a.ends_at, s.check_in_opens_before, s.check_in_closes_after, h.handover_note AS previous_handover_note
        FROM assignments a
        JOIN roster_versions v ON v.id = a.roster_version_id
        JOIN units u ON u.id = v.unit_id
        LEFT JOIN duty_settings s ON s.unit_id = v.unit_id
        LEFT JOIN LATERAL (
            SELECT c.handover_note FROM check_ins c
            WHERE c.unit_id = v.unit_id AND c.slot_ends_at = a.starts_at AND c.checked_out_at IS NOT NULL
              AND split_part(c.slot_key, '/', 3) = a.role
            ORDER BY c.checked_out_at DESC LIMIT 1
        ) h ON true
        WHERE a.person_id = @personId AND v.status = 'published' AND a.duty_date BETWEEN @from AND @to
        ORDER BY a.starts_at;

        SELECT c.id, c.unit_id, c.period_id, c.slot_key, c.person_id, c.slot_starts_at, c.slot_ends_at, c.checked_in_at, c.late,
               c.checked_out_at, c.handover_note, c.recorded_by
        FROM assignments a
        JOIN roster_versions v ON v.id = a.roster_version_id
        JOIN check_ins c ON c.unit_id = v.unit_id AND c.period_id = v.period_id AND c.slot_key = a.slot_key
        WHERE a.person_id = @personId AND v.status = 'published' AND a.duty_date BETWEEN @from AND @to;
        """;

    public static async Task<(IReadOnlyList<MyDutyRow> Duties, IReadOnlyList<CheckInRow> CheckIns)> OfPersonAsync(
        DbWork work, Guid personId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var grid = await work.Connection.QueryMultipleAsync(work.Command(Sql, new { personId, from, to }, ct));
        var duties = (await grid.ReadAsync<MyDutyRow>()).AsList();
        var checkIns = (await grid.ReadAsync<CheckInRow>()).AsList();
        return (duties, checkIns);
    }
}
