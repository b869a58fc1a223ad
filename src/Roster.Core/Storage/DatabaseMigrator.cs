using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Roster.Core.Storage;

/// <summary>Applies the numbered scripts of db/migrations with DbUp, one process at a time.</summary>
public static class DatabaseMigrator
{
    // Any constant shared by every Roster process; it names the advisory lock that serialises migrations.
    private const long MigrationLockKey = 0x526F7374_65724D31;

    /// <summary>
    /// Creates the database named in <paramref name="connectionString"/> when it is missing. With an owner's connection
    /// string (<paramref name="ownerConnectionString"/>), the owner and application roles are made or brought up to date
    /// too (<see cref="DatabaseRoles"/>).
    /// </summary>
    public static async Task EnsureDatabaseAsync(
        string adminConnectionString, string? ownerConnectionString, string connectionString, CancellationToken ct)
    {
        if (ownerConnectionString is not null)
        {
            await DatabaseRoles.EnsureAsync(adminConnectionString, ownerConnectionString, connectionString, ct);
            return;
        }

        await EnsureDatabaseAsync(adminConnectionString, connectionString, ct);
    }

    /// <summary>Creates the database named in <paramref name="connectionString"/> when it is missing.</summary>
    public static async Task EnsureDatabaseAsync(string adminConnectionString, string connectionString, CancellationToken ct)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await using var admin = new NpgsqlConnection(DatabaseRoles.Unpooled(adminConnectionString));
        await admin.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin);
        exists.Parameters.AddWithValue(name);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand("CREATE DATABASE " + quoted, admin);
            try
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it between our check and our create: that is what we wanted.
            }
        }
    }

    /// <summary>Applies every script not yet applied; a no-op when the schema is current.</summary>
    /// <returns>The names of the scripts applied by this call.</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct)
    {
        // Unpooled: the owner's sessions end with the migrations instead of idling in the pool of a running service.
        connectionString = DatabaseRoles.Unpooled(connectionString);
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", lockConnection))
        {
            take.Parameters.AddWithValue(MigrationLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith("Roster.Migrations.", StringComparison.Ordinal))
                .WithTransactionPerScript()
                .JournalToPostgresqlTable("public", "schema_versions")
                .LogTo(new NoOpUpgradeLog())
                .Build();
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
            }

            return result.Scripts.Select(s => s.Name).ToList();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lockConnection);
            release.Parameters.AddWithValue(MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
