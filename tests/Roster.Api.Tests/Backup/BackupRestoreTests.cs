using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Roster.Api.Tests.Feeds;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage;

namespace Roster.Api.Tests.Backup;

/// <summary>
/// <c>./roster backup</c> and <c>./roster restore</c> as an operator runs them (the script, pg_dump and pg_restore),
/// pointed at this class's database through ROSTER_DB.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BackupRestoreTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("roster-backup-").FullName;

    [Fact]
    public async Task RoundTrip_RestoresEveryTableAndThePublishedRoster_AndKeepsTheReplacedDatabase()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var published = await PublishedRosters.PublishAsync(admin, periodId, api.School1Id, seed: 5);
        var rosterId = published.GetProperty("versionId").GetGuid();
        var countsBefore = await RowCountsAsync(api.Database);
        var rosterBefore = await AssignmentsAsync(api.Database, rosterId);
        Assert.NotEmpty(rosterBefore);

        var file = Path.Combine(_folder, "roster.dump");
        var backup = await RosterScriptAsync("backup", file);
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.Equal("600", Convert.ToString((int)File.GetUnixFileMode(file), 8));
        var again = await RosterScriptAsync("backup", file);
        Assert.NotEqual(0, again.ExitCode);

        // Changes after the backup, which the restore must undo.
        await using (var connection = new NpgsqlConnection(Unpooled(api.Database)))
        {
            await connection.ExecuteAsync("DELETE FROM audit_log");
            await connection.ExecuteAsync("UPDATE assignments SET source = 'manual' WHERE roster_version_id = @rosterId", new { rosterId });
        }

        Assert.NotEqual(countsBefore, await RowCountsAsync(api.Database));

        var restore = await RosterScriptAsync("restore", file);
        Assert.True(restore.ExitCode == 0, restore.Output);
        // As the service's next start does: the restored database goes to the owner role, the application gets its rights.
        await DatabaseRoles.EnsureAsync(TestDatabases.AdminConnectionString, TestDatabases.OwnerConnectionStringFor(api.Database),
            TestDatabases.ConnectionStringFor(api.Database), CancellationToken.None);

        Assert.Equal(countsBefore, await RowCountsAsync(api.Database));
        Assert.Equal(rosterBefore, await AssignmentsAsync(api.Database, rosterId));
        Assert.Equal(1, await ScalarAsync<int>("postgres", "SELECT count(*)::int FROM pg_database WHERE datname = @name",
            new { name = api.Database + "_before_restore" }));

        // The API reads the restored database once the connections the restore closed are gone from its pool.
        NpgsqlConnection.ClearAllPools();
        var read = await ReadAsync(admin, $"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=published");
        Assert.Equal(rosterId, read.GetProperty("versionId").GetGuid());
        Assert.Equal(published.GetProperty("assignments").GetArrayLength(), read.GetProperty("assignments").GetArrayLength());
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNoArchive_FailsAndLeavesTheDatabaseAsItWas()
    {
        var countsBefore = await RowCountsAsync(api.Database);
        var file = Path.Combine(_folder, "not-a-dump");
        await File.WriteAllTextAsync(file, "SELECT 1;");

        var restore = await RosterScriptAsync("restore", file);

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Contains("not a pg_dump archive", restore.Output, StringComparison.Ordinal);
        Assert.Equal(countsBefore, await RowCountsAsync(api.Database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await TestDatabases.DropAsync(api.Database + "_before_restore");
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string path)
    {
        // The first read may still meet a pooled connection the restore terminated; the API answers 503 then.
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 3)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }
        }
    }

    private Task<(int ExitCode, string Output)> RosterScriptAsync(string command, string file) =>
        ExternalTool.RunAsync(Path.Combine(ExternalTool.RepositoryRoot, "roster"), [command, file], ExternalTool.RepositoryRoot,
            TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["ROSTER_DB"] = MaintenanceLogin(api.Database) });

    /// <summary>An operator's login that may create databases (a restore swaps a new one in); the service's may not.</summary>
    private static string MaintenanceLogin(string database) =>
        new NpgsqlConnectionStringBuilder(TestDatabases.AdminConnectionString) { Database = database }.ConnectionString;

    private static string Unpooled(string database) =>
        new NpgsqlConnectionStringBuilder(TestDatabases.ConnectionStringFor(database)) { Pooling = false }.ConnectionString;

    private static async Task<T> ScalarAsync<T>(string database, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Unpooled(database));
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException(sql);
    }

    /// <summary>"table=rows" for every table of the public schema, in name order.</summary>
    private static async Task<string> RowCountsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(Unpooled(database));
        var tables = await connection.QueryAsync<string>(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
        var counts = new List<string>();
        foreach (var table in tables)
        {
            counts.Add($"{table}={await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM public.{table}")}");
        }

        return string.Join(", ", counts);
    }

    /// <summary>Every assignment of one roster version as text, in slot order.</summary>
    private static async Task<List<string>> AssignmentsAsync(string database, Guid rosterId)
    {
        await using var connection = new NpgsqlConnection(Unpooled(database));
        return (await connection.QueryAsync<string>(
            "SELECT a::text FROM assignments a WHERE roster_version_id = @rosterId ORDER BY slot_key", new { rosterId })).ToList();
    }
}
