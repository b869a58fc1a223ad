using Dapper;

namespace Roster.Core.Storage.Periods;

/// <summary>Rules a unit adds to those of a period it inherits.</summary>
public static class UnitRuleStore
{
    /// <summary>The unit's extra rules for the period as a JSON array, or null when it has none.</summary>
    public static Task<string?> FindAsync(DbWork work, Guid periodId, Guid unitId, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<string?>(work.Command(
            "SELECT rules::text FROM unit_rules WHERE period_id = @periodId AND unit_id = @unitId", new { periodId, unitId }, ct));

    public static Task UpsertAsync(DbWork work, Guid periodId, Guid unitId, string rules, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO unit_rules (period_id, unit_id, rules) VALUES (@periodId, @unitId, @rules::jsonb)
            ON CONFLICT (period_id, unit_id) DO UPDATE SET rules = excluded.rules, version = unit_rules.version + 1
            """, new { periodId, unitId, rules }, ct));
}
