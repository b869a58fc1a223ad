using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Statistics;

/// <summary>
/// A person's compensatory time off (补休), in hours: earned by the duties already served (by the rates of their day
/// types), less what compensatory leave requested or approved spends.
/// </summary>
public sealed record CompensatoryBalance(decimal Earned, decimal Taken)
{
    public decimal Balance => Earned - Taken;

    /// <summary>The balance now; a leave being changed (<paramref name="excludingLeaveId"/>) does not count as taken.</summary>
    public static async Task<CompensatoryBalance> OfAsync(
        DbWork work, Guid personId, Instant now, Guid? excludingLeaveId, CancellationToken ct)
    {
        var served = await DutyFactStore.ServedByAsync(work, personId, now, ct);
        var values = await DutyValuation.ValueAsync(work, served, ct);
        var taken = await work.Connection.ExecuteScalarAsync<decimal>(work.Command("""
            SELECT coalesce(sum(hours), 0) FROM leaves
            WHERE person_id = @personId AND kind = 'compensatory' AND status IN ('requested', 'approved')
              AND (@excludingLeaveId::uuid IS NULL OR id <> @excludingLeaveId)
            """, new { personId, excludingLeaveId }, ct));
        return new CompensatoryBalance(values.Sum(v => v.Rate.CompensatoryHours), taken);
    }
}
