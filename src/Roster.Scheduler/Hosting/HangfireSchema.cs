using Hangfire.PostgreSql;
using Npgsql;

namespace Roster.Scheduler.Hosting;

/// <summary>
/// Creates or upgrades Hangfire's schema under a PostgreSQL advisory lock: two scheduler processes starting at once
/// otherwise race in Hangfire.PostgreSql's installer ("could not find tuple for constraint"). The installer runs as the
/// owner role where one is configured (ConnectionStrings:Migrations); an application login without DDL rights uses the
/// schema the owner installed and never tries.
/// </summary>
internal static class HangfireSchema
{
    // Any constant shared by every Roster process; distinct from the migration lock.
    private const long LockKey = 0x526F7374_65724846;

    public static void Ensure(string connectionString)
    {
        using var connection = new NpgsqlConnection(Roster.Core.Storage.DatabaseRoles.Unpooled(connectionString));
        connection.Open();
        using (var check = new NpgsqlCommand(
            "SELECT to_regnamespace('hangfire') IS NOT NULL AND NOT has_database_privilege(current_database(), 'CREATE')", connection))
        {
            if (check.ExecuteScalar() is true)
            {
                return;
            }
        }

        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
        {
            take.Parameters.AddWithValue(LockKey);
            take.ExecuteNonQuery();
        }

        try
        {
            PostgreSqlObjectsInstaller.Install(connection, "hangfire");
        }
        finally
        {
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            release.Parameters.AddWithValue(LockKey);
            release.ExecuteNonQuery();
        }
    }
}
