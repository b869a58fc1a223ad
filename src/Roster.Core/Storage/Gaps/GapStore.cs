using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Gaps;

/// <summary>Reads gaps for the API.</summary>
public static class GapStore
{
    /// <summary>
    /// Gaps of <paramref name="units"/> overlapping [from, to), by start then id, after a (start, id) cursor.
    /// status: open, resolved, or null for both.
    /// </summary>
    public static async Task<IReadOnlyList<GapRow>> ListAsync(
        DbWork work, IReadOnlyCollection<Guid> units, string? status, Instant? from, Instant? to,
        (Instant StartsAt, Guid Id)? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {GapRow.Columns} FROM gaps
            WHERE unit_id = ANY(@units)
              AND (@status::text IS NULL OR (@status = 'open') = (resolved_at IS NULL))
              AND (@from::timestamptz IS NULL OR ends_at > @from)
              AND (@to::timestamptz IS NULL OR starts_at < @to)
              AND (@afterStart::timestamptz IS NULL OR (starts_at, id) > (@afterStart, @afterId))
            ORDER BY starts_at, id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<GapRow>(work.Command(Sql, new
        {
            units = units.ToArray(), status, from, to, afterStart = after?.StartsAt, afterId = after?.Id, limit,
        }, ct));
        return rows.AsList();
    }

    /// <summary>Open gaps of a unit whose slot starts in [from, to).</summary>
    public static async Task<IReadOnlyList<GapRow>> OpenAsync(DbWork work, Guid unitId, Instant from, Instant to, CancellationToken ct)
    {
        var rows = await work.Connection.QueryAsync<GapRow>(work.Command($"""
            SELECT {GapRow.Columns} FROM gaps
            WHERE unit_id = @unitId AND resolved_at IS NULL AND starts_at >= @from AND starts_at < @to
            """, new { unitId, from, to }, ct));
        return rows.AsList();
    }
}
