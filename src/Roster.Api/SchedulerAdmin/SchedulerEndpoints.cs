using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Scheduler.Hosting;

namespace Roster.Api.SchedulerAdmin;

/// <summary>When the scheduler's jobs fire next, for administrators.</summary>
internal static class SchedulerEndpoints
{
    public static void MapSchedulerJobs(this ApiGroups groups) => groups.Work.MapGet("/scheduler/jobs", GetAsync).WithTags("Scheduler");

    private static async Task<Results<Ok<SchedulerStatusResponse>, ProblemHttpResult>> GetAsync(
        AccessScope access, IOptions<SchedulerOptions> options, RequestWork transaction, NpgsqlDataSource db, CancellationToken ct)
    {
        if ((await access.AdministeredAsync(transaction.Work, ct)).Count == 0)
        {
            return ApiProblems.Forbidden("Only administrators may see the scheduler.");
        }

        var (jobs, nodes) = await QuartzState.ReadAsync(db, ct);
        return TypedResults.Ok(new SchedulerStatusResponse(options.Value.Enabled, jobs, nodes));
    }
}
