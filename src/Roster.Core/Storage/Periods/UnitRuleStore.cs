using Dapper;

namespace Roster.Core.Storage.Periods;

/// <summary>Rules a unit adds to those of a period it inherits.</summary>
public static class UnitRuleStore
{
    /// <summary>The unit's extra rules for the period as a JSON array, or null when it has none.</summary>
    public static Task<string?> FindAsync(DbWork work, Guid periodId, Guid unitId, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<string?>(work.Command(
            "SELECT rules::text FROM unit_rules WHERE period_id = @periodId AND unit_id = @unitId", new { periodId, unitId }, ct));

    /// <summary>The unit's extra rules and their version; "[]" and version 0 when it has none yet.</summary>
    public static async Task<(string Rules, int Version)> FindVersionedAsync(DbWork work, Guid periodId, Guid unitId, CancellationToken ct)
    {
        var row = await work.Connection.QuerySingleOrDefaultAsync<(string Rules, int Version)?>(work.Command(
            "SELECT rules::text, version FROM unit_rules WHERE period_id = @periodId AND unit_id = @unitId", new { periodId, unitId }, ct));
        return row ?? ("[]", 0);
    }

    public static Task UpsertAsync(DbWork work, Guid periodId, Guid unitId, string rules, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("""
            INSERT INTO unit_rules (period_id, unit_id, rules) VALUES (@periodId, @unitId, @rules::jsonb)
            ON CONFLICT (period_id, unit_id) DO UPDATE SET rules = excluded.rules, version = unit_rules.version + 1
            """, new { periodId, unitId, rules }, ct));

    /// <summary>
    /// Writes the unit's rules when the stored version is still <paramref name="version"/> (0: none stored yet);
    /// the new version, or null when someone else wrote first.
    /// </summary>
    public static Task<int?> SaveAsync(DbWork work, Guid periodId, Guid unitId, string rules, int version, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<int?>(work.Command("""
            INSERT INTO unit_rules AS r (period_id, unit_id, rules) VALUES (@periodId, @unitId, @rules::jsonb)
            ON CONFLICT (period_id, unit_id) DO UPDATE SET rules = excluded.rules, version = r.version + 1
                WHERE r.version = @version
            RETURNING version
            """, new { periodId, unitId, rules, version }, ct));
}
