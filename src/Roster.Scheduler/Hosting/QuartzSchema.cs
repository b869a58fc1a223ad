using Npgsql;
using Quartz;

namespace Roster.Scheduler.Hosting;

/// <summary>
/// Creates Quartz's tables as the owner role, so the scheduler itself can log in as the application role (which may not
/// create tables) and only validate them. A scheduler that owns nothing else is started and shut down for it; it is
/// not clustered and runs no job, so it never takes part in the cluster.
/// </summary>
internal static class QuartzSchema
{
    /// <summary>Whether this login may create tables in the public schema (the owner may; the application may not).</summary>
    /// <remarks>
    /// Asked while services are registered, before the database is prepared: a login that cannot connect yet is assumed
    /// to be one that may (the scheduler's start then reports the real problem).
    /// </remarks>
    public static bool CanCreateTables(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var check = new NpgsqlCommand("SELECT has_schema_privilege('public', 'CREATE')", connection);
            return check.ExecuteScalar() is true;
        }
        catch (NpgsqlException)
        {
            return true;
        }
    }

    public static async Task EnsureAsync(string ownerConnectionString, CancellationToken ct)
    {
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
            {
                q.ConfigureScheduler(o => o.InstanceName = "roster-schema");
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(Roster.Core.Storage.DatabaseRoles.Unpooled(ownerConnectionString));
                    s.UseSystemTextJsonSerializer();
                    s.ProvisionSchema();
                });
            })
            .BuildScheduler(ct);
        try
        {
            await scheduler.Start(ct);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: false, ct);
        }
    }
}
