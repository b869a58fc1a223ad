using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>Starting, watching and cancelling roster generation.</summary>
internal static class RosterJobEndpoints
{
    public const double DefaultSeconds = 5;
    public const double MaxSeconds = 120;

    public static void MapRosterJobs(this IEndpointRouteBuilder api)
    {
        api.MapPost("/periods/{periodId:guid}/units/{unitId:guid}/roster:generate", GenerateAsync).WithTags("Rosters");
        api.MapGet("/roster-jobs/{id:guid}", GetAsync).WithTags("Rosters");
        api.MapPost("/roster-jobs/{id:guid}:cancel", CancelAsync).WithTags("Rosters");
    }

    private static async Task<Results<Accepted<GenerateResponse>, ProblemHttpResult>> GenerateAsync(
        Guid periodId, Guid unitId, GenerateRequest? request, AccessScope access, IClock clock, RosterGenerationQueue queue,
        NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var seconds = request?.Seconds ?? DefaultSeconds;
        if (double.IsNaN(seconds) || seconds < 1 || seconds > MaxSeconds)
        {
            errors.Add("seconds", $"must be from 1 to {MaxSeconds}");
        }

        if (request?.Iterations is < 1 or > 1_000_000_000)
        {
            errors.Add("iterations", "must be from 1 to 1000000000");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        await using var work = await DbWork.BeginAsync(db, ct).ConfigureAwait(false);
        var (period, unit, problem) = await RosterScope.ResolveAsync(work, periodId, unitId, access, administer: true, ct).ConfigureAwait(false);
        if (period is null || unit is null)
        {
            return problem!;
        }

        IReadOnlyList<Guid> units = await RosteredUnits.WithinAsync(
            work, periodId, request?.Subtree == true ? await UnitStore.SubtreeAsync(work, unitId, ct).ConfigureAwait(false) : [unitId], ct)
            .ConfigureAwait(false);
        if (units.Count == 0)
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add(
                "unitId", "keeps no roster in this period (see the period's rosterUnits), nor does any unit below it that was asked for"));
        }

        var now = clock.GetCurrentInstant();
        var jobs = new List<RosterJobRow>();
        foreach (var target in units)
        {
            jobs.Add(await RosterJobStore.InsertAsync(work, new RosterJobRow
            {
                PeriodId = periodId, UnitId = target, Seed = request?.Seed ?? 0, Seconds = (float)seconds, Iterations = request?.Iterations,
                RequestedBy = access.AccountId, CreatedAt = now,
            }, ct).ConfigureAwait(false));
        }

        await work.CommitAsync(ct).ConfigureAwait(false);
        foreach (var job in jobs)
        {
            queue.Enqueue(job.Id);
        }

        var body = new GenerateResponse(jobs.Select(j => RosterJobResponse.From(j, now)).ToList());
        return TypedResults.Accepted($"/api/v1/roster-jobs/{jobs[0].Id}", body);
    }

    private static async Task<Results<Ok<RosterJobResponse>, ProblemHttpResult>> GetAsync(
        Guid id, AccessScope access, IClock clock, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct).ConfigureAwait(false);
        var job = await RosterJobStore.FindAsync(work, id, ct).ConfigureAwait(false);
        if (job is null || !await access.CanReadAsync(work, job.UnitId, ct).ConfigureAwait(false))
        {
            return ApiProblems.NotFound("job");
        }

        return TypedResults.Ok(RosterJobResponse.From(job, clock.GetCurrentInstant()));
    }

    private static async Task<Results<Ok<RosterJobResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, AccessScope access, IClock clock, RosterGenerationQueue queue, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct).ConfigureAwait(false);
        var job = await RosterJobStore.FindAsync(work, id, ct).ConfigureAwait(false);
        if (job is null || !await access.CanReadAsync(work, job.UnitId, ct).ConfigureAwait(false))
        {
            return ApiProblems.NotFound("job");
        }

        if (!await access.CanAdministerAsync(work, job.UnitId, ct).ConfigureAwait(false))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit may cancel its generation.");
        }

        var now = clock.GetCurrentInstant();
        if (!await RosterJobStore.FinishAsync(work, id, "cancelled", null, "cancelled by a user", null, now, ct).ConfigureAwait(false))
        {
            return ApiProblems.Conflict($"The job has already ended ({job.Status}).");
        }

        var after = await RosterJobStore.FindAsync(work, id, ct).ConfigureAwait(false);
        await work.CommitAsync(ct).ConfigureAwait(false);
        queue.Cancel(id);
        return TypedResults.Ok(RosterJobResponse.From(after!, now));
    }
}
