using Npgsql;
using Roster.Core.Storage;

namespace Roster.TestSupport;

/// <summary>
/// Databases for tests in the PostgreSQL that <c>./roster test</c> starts (ROSTER_TEST_DB): one migrated template per
/// test run, and a fresh copy of it per test class, so classes run in parallel without seeing each other's rows.
/// As in a deployment, the databases belong to an owner role that ran the migrations, and the code under test logs in
/// as an application role that may only read and write rows (see <see cref="DatabaseRoles"/>).
/// </summary>
public static class TestDatabases
{
    // Each test assembly links this file and keeps to its own names (rt_api_…, rt_scheduler_…), so assemblies running
    // at the same time never drop each other's databases.
    private static readonly string Prefix =
        "rt_" + typeof(TestDatabases).Assembly.GetName().Name!.Replace("Roster.", "", StringComparison.Ordinal)
            .Replace(".Tests", "", StringComparison.Ordinal).ToLowerInvariant() + "_";
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("ROSTER_TEST_DB")
        ?? throw new InvalidOperationException("ROSTER_TEST_DB is not set: run the tests with ./roster test, which starts PostgreSQL.");

    /// <summary>The application's login: rows only, no DDL, not a superuser.</summary>
    public static string ConnectionStringFor(string database) => As("rt_app", database);

    /// <summary>The owner's login, which runs migrations (and Hangfire's installer).</summary>
    public static string OwnerConnectionStringFor(string database) => As("rt_owner", database);

    private static string As(string role, string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Username = role, Password = admin.Password, Database = database, Pooling = true,
        }.ConnectionString;
    }

    /// <summary>A new database, already migrated; drop it with <see cref="DropAsync"/>.</summary>
    public static async Task<string> CreateAsync()
    {
        var template = await Template.Value;
        var name = Prefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template} OWNER rt_owner");
        return name;
    }

    /// <summary>An empty database with no schema, owned by the owner role, for migration tests.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        // The template's creation first drops an earlier run's leftovers, by prefix: it must not meet this database.
        await Template.Value;
        var name = Prefix + Guid.NewGuid().ToString("N");
        await DatabaseRoles.EnsureAsync(AdminConnectionString, OwnerConnectionStringFor(name), ConnectionStringFor(name), CancellationToken.None);
        return name;
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private static async Task<string> CreateTemplateAsync()
    {
        await DropLeftoversAsync();
        var name = Prefix + "template_" + Guid.NewGuid().ToString("N");
        await DatabaseRoles.EnsureAsync(AdminConnectionString, OwnerConnectionStringFor(name), ConnectionStringFor(name), CancellationToken.None);
        await DatabaseMigrator.MigrateAsync(OwnerConnectionStringFor(name), CancellationToken.None);
        await Roster.Scheduler.Hosting.QuartzSchema.EnsureAsync(OwnerConnectionStringFor(name), CancellationToken.None);
        Roster.Scheduler.Hosting.HangfireSchema.Ensure(OwnerConnectionStringFor(name));
        // A template must have no open connections while it is copied.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    /// <summary>Databases left by an earlier run that was killed before it could drop them.</summary>
    private static async Task DropLeftoversAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", connection))
        {
            list.Parameters.AddWithValue(Prefix);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
