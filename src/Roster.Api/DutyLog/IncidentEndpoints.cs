using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;

namespace Roster.Api.DutyLog;

/// <summary>Incidents across a subtree, for the bureau: the open ones first, each with its timeline; acknowledgement.</summary>
internal static class IncidentEndpoints
{
    public static void MapIncidents(this IEndpointRouteBuilder api)
    {
        api.MapGet("/incidents", ListAsync).WithTags("Duty log");
        api.MapGet("/incidents/{id:guid}", GetAsync).WithTags("Duty log");
        api.MapPost("/incidents/{id:guid}:acknowledge", AcknowledgeAsync).WithTags("Duty log");
    }

    /// <summary><c>status</c>: open (not yet acknowledged) or all (default).</summary>
    private static async Task<Results<Ok<IReadOnlyList<DutyLogEntryResponse>>, ProblemHttpResult>> ListAsync(
        Guid? unit, string? status, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        if (status is not (null or "open" or "all"))
        {
            return ApiProblems.Invalid("status", "must be open or all");
        }

        await using var work = await DbWork.BeginAsync(db, ct);
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
        Guid id, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct);
        var incident = await DutyLogStore.FindAsync(work, id, ct);
        if (incident is not { Kind: "incident" } || !await access.CanReadAsync(work, incident.UnitId, ct))
        {
            return ApiProblems.NotFound("incident");
        }

        var timeline = await DutyLogStore.FollowUpsAsync(work, id, ct);
        return TypedResults.Ok(new IncidentResponse(DutyLogEntryResponse.From(incident), timeline.Select(DutyLogEntryResponse.From).ToList()));
    }

    private static async Task<Results<Ok<DutyLogEntryResponse>, ProblemHttpResult>> AcknowledgeAsync(
        Guid id, AcknowledgeRequest? request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("note", request?.Note, 2000);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        await using var work = await DbWork.BeginAsync(db, ct);
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
        await work.CommitAsync(ct);
        return TypedResults.Ok(body);
    }
}
