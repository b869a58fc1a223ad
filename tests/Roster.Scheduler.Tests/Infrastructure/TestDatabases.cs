using Npgsql;
using Roster.Core.Storage;

namespace Roster.Scheduler.Tests.Infrastructure;

/// <summary>
/// Databases in the PostgreSQL that <c>./roster test</c> starts (ROSTER_TEST_DB): one migrated template per run and a
/// fresh copy per test class.
/// </summary>
public static class TestDatabases
{
    private const string Prefix = "rt_sch_";
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("ROSTER_TEST_DB")
        ?? throw new InvalidOperationException("ROSTER_TEST_DB is not set: run the tests with ./roster test, which starts PostgreSQL.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task<string> CreateAsync()
    {
        var template = await Template.Value.ConfigureAwait(false);
        var name = Prefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}").ConfigureAwait(false);
        return name;
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)").ConfigureAwait(false);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var names = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'rt\\_sch\\_%'", connection))
            await using (var reader = await list.ExecuteReaderAsync().ConfigureAwait(false))
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var old in names)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {old} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        var name = Prefix + "template_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name}").ConfigureAwait(false);
        await DatabaseMigrator.MigrateAsync(ConnectionStringFor(name), CancellationToken.None).ConfigureAwait(false);
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
