using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Roster.Api.Tests.Accounts;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage;
using Roster.Scheduler.Tests.Infrastructure;

namespace Roster.Api.Tests.Migrations;

/// <summary>
/// The first start of a new installation, as <c>./roster up</c> does it on a fresh cluster: the cluster has only its
/// superuser, the settings name an owner and an application role that do not exist yet (ConnectionStrings:Admin,
/// Migrations, Roster) and Roster:CreateDatabase is on. The service makes the roles and the database, migrates as the
/// owner, serves as the application role, and a second start (of the API, then of a scheduler node) changes nothing.
/// </summary>
public sealed class FirstStartTests
{
    private const string Password = "first-start-password";

    [Fact]
    public async Task FreshCluster_WithoutRoles_ComesUp_ServesAsTheApplicationRole_AndASecondStartIsANoOp()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (ownerRole, appRole, database) = ($"rs_owner_{suffix}", $"rs_app_{suffix}", $"roster_{suffix}");
        var owner = cluster.ConnectionString(ownerRole, "owner-" + Password, database);
        var app = cluster.ConnectionString(appRole, "app-" + Password, database);
        Assert.Equal(0L, await PrivateCluster.ScalarAsync<long>(cluster.AdminConnectionString,
            "SELECT count(*) FROM pg_roles WHERE rolname IN (@ownerRole, @appRole)", new { ownerRole, appRole }));
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Admin"] = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Pooling = true }.ConnectionString,
            ["ConnectionStrings:Migrations"] = owner,
            ["ConnectionStrings:Roster"] = app,
            ["Roster:CreateDatabase"] = "true",
            ["Roster:SeedDemo"] = "true",
            ["Roster:DemoPassword"] = Password,
            ["Auth:SigningKey"] = "test-signing-key-0123456789-0123456789-abcdef",
            // As ./roster up: the API hosts Quartz and Hangfire, whose tables the owner makes.
            ["Scheduler:Enabled"] = "true",
        };

        string personId;
        Snapshot first;
        await using (var api = ApiProcess.Start(settings))
        {
            await WaitReadyzAsync(api);
            using var client = new HttpClient { BaseAddress = api.Address };
            SignIn.With(client, await SignIn.TokenAsync(client, "admin", Password));
            var schoolId = await PrivateCluster.ScalarAsync<Guid>(app, "SELECT id FROM units WHERE code = 'school-1'");
            var created = await client.PostAsJsonAsync($"/api/v1/units/{schoolId}/people", new { name = "首启 first start", roles = new[] { "staff" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            personId = (await created.BodyAsync()).Id();

            await AssertLeastPrivilegeAsync(cluster, database, ownerRole, appRole, app, api);
            first = await SnapshotAsync(cluster, database, appRole);
            var shipped = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(n => n.StartsWith("Roster.Migrations.", StringComparison.Ordinal));
            Assert.Equal(shipped, first.Migrations);
        }

        await using (var again = ApiProcess.Start(settings))
        {
            await WaitReadyzAsync(again);
            using var client = new HttpClient { BaseAddress = again.Address };
            SignIn.With(client, await SignIn.TokenAsync(client, "admin", Password));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1/people/{personId}", UriKind.Relative))).StatusCode);
            Assert.Equal(first, await SnapshotAsync(cluster, database, appRole));
            await AssertLeastPrivilegeAsync(cluster, database, ownerRole, appRole, app, again);
        }

        // A standalone scheduler node started the same way finds everything in place too.
        await using (var node = SchedulerProcess.Start("first-start-node", settings))
        {
            await node.WaitReadyAsync(TimeSpan.FromSeconds(120));
            Assert.Equal(first, await SnapshotAsync(cluster, database, appRole));
        }
    }

    /// <summary>
    /// deploy/compose.yaml's order: the one-shot <c>Roster.Api migrate</c> holds the superuser's and the owner's logins,
    /// makes the roles and the database and exits; the API then starts with the application's login alone.
    /// </summary>
    [Fact]
    public async Task MigrateCommand_PreparesAFreshCluster_ThenTheApiRunsWithTheApplicationLoginAlone()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (ownerRole, appRole, database) = ($"rs_owner_{suffix}", $"rs_app_{suffix}", $"roster_{suffix}");
        var app = cluster.ConnectionString(appRole, "app-" + Password, database);
        var dll = Path.Combine(ExternalTool.RepositoryRoot, "src", "Roster.Api", "bin",
            AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug", "net10.0", "Roster.Api.dll");
        var (exitCode, output) = await ExternalTool.RunAsync("dotnet", [dll, "migrate"], Path.GetDirectoryName(dll)!, TimeSpan.FromMinutes(3),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Admin"] = cluster.AdminConnectionString,
                ["ConnectionStrings__Migrations"] = cluster.ConnectionString(ownerRole, "owner-" + Password, database),
                ["ConnectionStrings__Roster"] = app,
                ["Roster__CreateDatabase"] = "true",
                ["Auth__SigningKey"] = "test-signing-key-0123456789-0123456789-abcdef",
                ["Logging__LogLevel__Default"] = "Warning",
            });
        Assert.True(exitCode == 0, output);
        Assert.Contains("the database is ready", output, StringComparison.Ordinal);
        var prepared = await SnapshotAsync(cluster, database, appRole);

        await using var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings:Roster"] = app,
            ["Roster:Migrate"] = "false",
            ["Auth:SigningKey"] = "test-signing-key-0123456789-0123456789-abcdef",
        });
        await WaitReadyzAsync(api);
        await AssertLeastPrivilegeAsync(cluster, database, ownerRole, appRole, app, api);
        Assert.Equal(prepared, await SnapshotAsync(cluster, database, appRole));
    }

    private static async Task AssertLeastPrivilegeAsync(PrivateCluster cluster, string database, string ownerRole, string appRole, string app, ApiProcess api)
    {
        await using var admin = new NpgsqlConnection(cluster.AdminConnectionString);
        foreach (var role in new[] { ownerRole, appRole })
        {
            var attributes = await admin.QuerySingleAsync<(bool Super, bool CreateRole, bool CreateDb)>(
                "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = @role", new { role });
            Assert.Equal((false, false, false), attributes);
        }

        Assert.Equal(ownerRole, await admin.ExecuteScalarAsync<string>("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = @database", new { database }));

        // The running service is connected to its database as the application role only: the superuser's and the owner's
        // sessions of the start-up (roles, migrations, Quartz's and Hangfire's tables) have ended.
        var sessions = (await admin.QueryAsync<(string User, string Database)>(
            "SELECT usename, datname FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")).ToList();
        Assert.Contains((appRole, database), sessions);
        Assert.All(sessions, s => Assert.True(s.User == appRole, $"{s.User} connected to {s.Database}\n{api.Output}"));

        await using var connection = new NpgsqlConnection(app);
        Assert.Equal(appRole, await connection.ExecuteScalarAsync<string>("SELECT current_user"));
        Assert.Empty(await connection.QueryAsync<string>(
            "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('public', 'hangfire') AND tableowner <> @ownerRole", new { ownerRole }));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("CREATE TABLE intruder (a int)"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    /// <summary>What a second start must leave as it is: the migration journal, the objects and their owners, the rights, the demo.</summary>
    private static async Task<Snapshot> SnapshotAsync(PrivateCluster cluster, string database, string appRole)
    {
        var inDatabase = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = database }.ConnectionString;
        await using var connection = new NpgsqlConnection(inDatabase);
        return new Snapshot(
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_versions"),
            await connection.ExecuteScalarAsync<string>("SELECT max(applied)::text FROM schema_versions") ?? "",
            await connection.ExecuteScalarAsync<string>(
                "SELECT string_agg(n.nspname || '.' || c.relname || ':' || pg_get_userbyid(c.relowner), ',' ORDER BY n.nspname, c.relname) " +
                "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'hangfire') AND c.relkind IN ('r', 'S', 'v')") ?? "",
            await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = @appRole", new { appRole }),
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_roles"),
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM accounts"),
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM units"));
    }

    private static async Task WaitReadyzAsync(ApiProcess api)
    {
        await api.WaitReadyAsync(TimeSpan.FromSeconds(150));
        using var client = new HttpClient { BaseAddress = api.Address };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage ready;
        do
        {
            ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(500);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Fail($"/readyz answered {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}\n{api.Output}");
    }

    private sealed record Snapshot(long Migrations, string LastApplied, string Objects, long AppGrants, long Roles, long Accounts, long Units);
}
