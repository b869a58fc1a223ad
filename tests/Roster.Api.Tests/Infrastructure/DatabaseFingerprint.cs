using Dapper;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>
/// A hash of every row of every table in the public schema, including each row's xmin: any insert, update or delete
/// (even one writing the same values) changes it. For tests that a read writes nothing.
/// </summary>
public static class DatabaseFingerprint
{
    public static Task<string> OfAsync(ApiFixture api) => api.WithWorkAsync(async w =>
    {
        var tables = await w.Connection.QueryAsync<string>(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", transaction: w.Transaction);
        var parts = new List<string>();
        foreach (var table in tables)
        {
            parts.Add(table + ":" + await w.Connection.ExecuteScalarAsync<string>(
                $"SELECT COALESCE(md5(string_agg(t.xmin::text || t::text, ',' ORDER BY t::text)), '') FROM public.{table} t",
                transaction: w.Transaction));
        }

        return string.Join("|", parts);
    });
}
