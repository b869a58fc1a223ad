using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.Duty;

namespace Roster.Api.DutyLog;

/// <summary>Incidents across a subtree, for the bureau: the open ones first, each with its timeline; acknowledgement.</summary>
internal static class IncidentEndpoints
{
    public static void MapIncidents(this ApiGroups groups)
    {
        groups.Work.MapGet("/incidents", ListAsync).WithTags("Duty log");
        groups.Work.MapGet("/incidents/{id:guid}", GetAsync).WithTags("Duty log");
        groups.Work.MapPost("/incidents/{id:guid}:acknowledge", AcknowledgeAsync).WithTags("Duty log");
    }

    /// <summary><c>status</c>: open (not yet acknowledged) or all (default).</summary>
    private static async Task<Results<Ok<IReadOnlyList<DutyLogEntryResponse>>, ProblemHttpResult>> ListAsync(
        Guid? unit, string? status, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        if (status is not (null or "open" or "all"))
        {
            return ApiProblems.Invalid("status", "must be open or all");
        }

        var work = transaction.Work;
        var readable = await access.ReadableAsync(work, ct);
        if (unit is { } u && !readable.Contains(u))
        {
            return ApiProblems.NotFound("unit");
        }

        IReadOnlyCollection<Guid> units = unit is { } only ? [only] : readable;
        var rows = await DutyLogStore.IncidentsAsync(work, units, status == "open", 500, ct);
        return TypedResults.Ok<IReadOnlyList<DutyLogEntryResponse>>(rows.Select(DutyLogEntryResponse.From).ToList());
    }

    private static async Task<Results<Ok<IncidentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var incident = await DutyLogStore.FindAsync(work, id, ct);
        if (incident is not { Kind: "incident" } || !await access.CanReadAsync(work, incident.UnitId, ct))
        {
            return ApiProblems.NotFound("incident");
        }

        var timeline = await DutyLogStore.FollowUpsAsync(work, id, ct);
        return TypedResults.Ok(new IncidentResponse(DutyLogEntryResponse.From(incident), timeline.Select(DutyLogEntryResponse.From).ToList()));
    }

    private static async Task<Results<Ok<DutyLogEntryResponse>, ProblemHttpResult>> AcknowledgeAsync(
        Guid id, AcknowledgeRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("note", request?.Note, 2000);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        var incident = await DutyLogStore.FindAsync(work, id, ct);
        if (incident is not { Kind: "incident" } || !await access.CanReadAsync(work, incident.UnitId, ct))
        {
            return ApiProblems.NotFound("incident");
        }

        if (!(await access.SupervisedAsync(work, ct)).Contains(incident.UnitId))
        {
            return ApiProblems.Forbidden("Only a supervisor of the unit acknowledges incidents.");
        }

        var now = clock.GetCurrentInstant();
        var late = incident.AckDueAt is { } due && now > due;
        if (!await DutyLogStore.AcknowledgeAsync(work, id, access.AccountId, now, late, note, ct))
        {
            return ApiProblems.Conflict("The incident is already acknowledged.");
        }

        var saved = (await DutyLogStore.FindAsync(work, id, ct))!;
        var body = DutyLogEntryResponse.From(saved);
        await audit.RecordAsync(work, incident.UnitId, "incident", id, "acknowledge", DutyLogEntryResponse.From(incident), body, ct);
        return TypedResults.Ok(body);
    }
}
