using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Model;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;
using Roster.Scheduler.Generation;

namespace Roster.Api.Rosters;

/// <summary>
/// Starting, watching and cancelling roster generation. A request only writes job rows (one transaction); any worker
/// process claims them from the database (see GenerationWorker), so every API node sees the same jobs.
/// </summary>
internal static class RosterJobEndpoints
{
    public const double DefaultSeconds = 5;
    public const double MaxSeconds = 120;

    public static void MapRosterJobs(this ApiGroups groups)
    {
        groups.Roster.MapPost("/roster:generate", GenerateAsync).WithTags("Rosters").Administered();
        groups.Work.MapGet("/roster-jobs/{id:guid}", GetAsync).WithTags("Rosters");
        groups.Work.MapPost("/roster-jobs/{id:guid}:cancel", CancelAsync).WithTags("Rosters");
    }

    private static async Task<Results<Accepted<GenerateResponse>, ProblemHttpResult>> GenerateAsync(
        [AsParameters] RosterCall call, GenerateRequest? request, IClock clock, IOptions<GenerationOptions> options, HttpContext http,
        CancellationToken ct)
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

        if (request?.StallSeconds is { } stall && (double.IsNaN(stall) || stall < 0 || stall > MaxSeconds))
        {
            errors.Add("stallSeconds", $"must be from 0 to {MaxSeconds}");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, access, periodId, unitId) = (call.Work, call.Access, call.PeriodId, call.UnitId);
        var subtree = request?.Subtree == true;
        IReadOnlyList<Guid> units = await RosteredUnits.WithinAsync(
            work, periodId, subtree ? await UnitStore.SubtreeAsync(work, unitId, ct) : [unitId], ct);
        if (units.Count == 0)
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add(
                "unitId", "keeps no roster in this period (see the period's rosterUnits), nor does any unit below it that was asked for"));
        }

        // Requests of one account, then requests for one period, are taken one at a time: the checks below stay true until commit.
        await work.LockAsync($"roster-jobs:account:{access.AccountId}", ct);
        await work.LockAsync($"roster-jobs:period:{periodId}", ct);

        var active = await RosterJobStore.ActiveForUpdateAsync(work, periodId, units, ct);
        if (active.FirstOrDefault(j => j.Status == RosterJobStatus.Running) is { } running)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"A generation of this unit for this period is already running (job {running.Id}); wait for it or cancel it.",
                extensions: new Dictionary<string, object?> { ["runningJobId"] = running.Id, ["unitId"] = running.UnitId });
        }

        var settings = options.Value;
        // Superseding one of one's own queued requests replaces it rather than adding one.
        var replaced = active.Count(j => j.ParentId is null && j.RequestedBy == access.AccountId);
        var tooMany = await RosterJobStore.ActiveRequestsAsync(work, access.AccountId, ct) - replaced >= settings.AccountActiveLimit;
        var full = !tooMany && await RosterJobStore.QueuedAsync(work, ct) - active.Count + units.Count > settings.QueueLimit;
        if (tooMany || full)
        {
            var wait = tooMany ? await RosterJobStore.SecondsUntilSlotAsync(work, access.AccountId, ct) : 30;
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many generations",
                detail: tooMany
                    ? $"You already have {settings.AccountActiveLimit} generation requests queued or running; retry after {wait} s."
                    : $"The generation queue is full ({settings.QueueLimit} jobs waiting); retry after {wait} s.");
        }

        var now = clock.GetCurrentInstant();
        await RosterJobStore.SupersedeAsync(work, active.Select(j => j.Id).ToList(), now, ct);
        var template = new RosterJobRow
        {
            PeriodId = periodId, UnitId = unitId, Seed = request?.Seed ?? 0, Seconds = (float)seconds, Iterations = request?.Iterations,
            StallSeconds = request?.StallSeconds is { } s ? (float)s : null, MaxAttempts = settings.MaxAttempts,
            RequestedBy = access.AccountId, CreatedAt = now,
        };
        var jobs = new List<RosterJobRow>();
        RosterJobRow? parent = null;
        if (subtree)
        {
            parent = await RosterJobStore.InsertAsync(work, Clone(template, "subtree", null, unitId), ct);
            jobs.Add(parent);
        }

        foreach (var target in units)
        {
            jobs.Add(await RosterJobStore.InsertAsync(work, Clone(template, "unit", parent?.Id, target), ct));
        }

        foreach (var superseded in active.Where(j => j.ParentId is not null).Select(j => j.ParentId!.Value).Distinct())
        {
            await RosterJobStore.RefreshParentAsync(work, superseded, now, ct);
        }

        var body = new GenerateResponse(jobs.Select(j => RosterJobResponse.From(j)).ToList());
        return TypedResults.Accepted($"/api/v1/roster-jobs/{jobs[0].Id}", body);
    }

    private static RosterJobRow Clone(RosterJobRow t, string kind, Guid? parentId, Guid unitId) => new()
    {
        Kind = kind, ParentId = parentId, PeriodId = t.PeriodId, UnitId = unitId, Seed = t.Seed, Seconds = t.Seconds, Iterations = t.Iterations,
        StallSeconds = t.StallSeconds, MaxAttempts = t.MaxAttempts, RequestedBy = t.RequestedBy, CreatedAt = t.CreatedAt,
    };

    private static async Task<Results<Ok<RosterJobResponse>, ProblemHttpResult>> GetAsync(
        Guid id, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var job = await RosterJobStore.FindAsync(work, id, ct);
        if (job is null || !await access.CanReadAsync(work, job.UnitId, ct))
        {
            return ApiProblems.NotFound("job");
        }

        var children = job.Kind == "subtree" ? await RosterJobStore.ChildrenAsync(work, id, ct) : null;
        return TypedResults.Ok(RosterJobResponse.From(job, children));
    }

    private static async Task<Results<Ok<RosterJobResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var job = await RosterJobStore.FindAsync(work, id, ct);
        if (job is null || !await access.CanReadAsync(work, job.UnitId, ct))
        {
            return ApiProblems.NotFound("job");
        }

        if (!await access.CanAdministerAsync(work, job.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit may cancel its generation.");
        }

        var now = clock.GetCurrentInstant();
        // A worker running it sees the cancellation at its next heartbeat and stops.
        if (!await RosterJobStore.CancelAsync(work, id, "cancelled by a user", now, ct))
        {
            return ApiProblems.Conflict($"The job has already ended ({job.Status.Code}).");
        }

        if (job.ParentId is { } parent)
        {
            await RosterJobStore.RefreshParentAsync(work, parent, now, ct);
        }

        var after = await RosterJobStore.FindAsync(work, id, ct);
        var children = job.Kind == "subtree" ? await RosterJobStore.ChildrenAsync(work, id, ct) : null;
        return TypedResults.Ok(RosterJobResponse.From(after!, children));
    }
}
