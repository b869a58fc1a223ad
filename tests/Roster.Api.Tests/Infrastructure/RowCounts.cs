using Dapper;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>Every public table's row count, read in one SQL command: what inserts and deletes change.</summary>
public static class RowCounts
{
    public static Task<Dictionary<string, long>> OfAsync(ApiFixture api) => api.WithWorkAsync(async w =>
    {
        var tables = (await w.Connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
            transaction: w.Transaction)).ToList();
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}' AS name, count(*) AS n FROM public.\"{t}\""));
        var counts = await w.Connection.QueryAsync<(string Name, long N)>(sql, transaction: w.Transaction);
        return counts.ToDictionary(c => c.Name, c => c.N, StringComparer.Ordinal);
    });
}
