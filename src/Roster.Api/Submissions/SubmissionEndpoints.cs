using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Model;
using Roster.Core.Oversight;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Submissions;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Roster.Api.Submissions;

/// <summary>Submitting a unit's draft roster to the unit above for approval (报备), and reading the submissions.</summary>
internal static class SubmissionEndpoints
{
    public static void MapSubmissions(this ApiGroups groups)
    {
        var roster = groups.Roster.MapGroup("").WithTags("Submissions");
        roster.MapPost("/roster:submit", SubmitAsync).Administered();
        roster.MapGet("/submissions", ListAsync);
        var group = groups.Work.MapGroup("").WithTags("Submissions");
        group.MapGet("/submissions/{id:guid}", GetAsync);
        group.MapPost("/submissions/{id:guid}:approve", SubmissionDecisions.ApproveAsync);
        group.MapPost("/submissions/{id:guid}:return", SubmissionDecisions.ReturnAsync);
        group.MapGet("/periods/{periodId:guid}/submission-board", SubmissionBoard.BoardAsync);
        group.MapGet("/oversight-flags", SubmissionBoard.FlagsAsync).WithTags("Oversight");
        group.MapPost("/oversight:scan", SubmissionBoard.ScanAsync).WithTags("Oversight");
    }

    private static async Task<Results<Created<SubmissionResponse>, ProblemHttpResult>> SubmitAsync(
        [AsParameters] RosterCall call, SubmitRequest? request, Auditor audit, IClock clock, IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("note", request?.Note, 2000);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, access, period, unit, periodId, unitId) = (call.Work, call.Access, call.Period, call.Unit, call.PeriodId, call.UnitId);
        if (!period.RequiresApproval)
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add("periodId", "does not require approval; publish the roster directly"));
        }

        if (unit.ParentId is null || unit.Id == period.UnitId)
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add("unitId", "has no unit above it in this period to approve its roster"));
        }

        await RosterStore.LockAsync(work, periodId, unitId, ct);
        var draft = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct);
        if (draft is null)
        {
            return ApiProblems.Conflict("There is no draft to submit; generate or edit the roster first.");
        }

        var rows = await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        var pending = (await SubmissionStore.OfUnitAsync(work, periodId, unitId, ct)).FirstOrDefault(s => s.State == SubmissionState.Submitted);
        if (pending is not null && pending.RosterVersionId == draft.Id && SubmissionViews.Unchanged(pending.Snapshot, rows))
        {
            return ApiProblems.Conflict("This roster is already submitted and waits for a decision.");
        }

        if (await RosterPublisher.CheckAsync(work, period, unit, draft, ct) is { } violations)
        {
            return violations;
        }

        // A draft changed while its submission waited replaces that submission, so the approver sees what will be published.
        var now = clock.GetCurrentInstant();
        await SubmissionStore.WithdrawPendingAsync(work, periodId, unitId, now, access.AccountId, ct);
        var saved = await SubmissionStore.InsertAsync(work, new SubmissionRow
        {
            PeriodId = periodId, UnitId = unitId, RosterVersionId = draft.Id, Snapshot = SubmissionViews.Snapshot(rows), Note = note,
            SubmittedAt = now, SubmittedBy = access.AccountId,
        }, ct);
        await OversightFlagStore.CloseAsync(work, OversightFlagStore.SubmissionOverdue, unitId, periodId, "", now, ct);
        var body = await SubmissionViews.ToResponseAsync(work, saved, json.Value.SerializerOptions, ct);
        await audit.RecordAsync(work, unitId, "submission", saved.Id, "submit", null, body, ct);
        return TypedResults.Created($"/api/v1/submissions/{saved.Id}", body);
    }

    private static async Task<Results<Ok<IReadOnlyList<SubmissionResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] RosterCall call, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (work, periodId, unitId) = (call.Work, call.PeriodId, call.UnitId);
        var body = new List<SubmissionResponse>();
        foreach (var row in await SubmissionStore.OfUnitAsync(work, periodId, unitId, ct))
        {
            body.Add(await SubmissionViews.ToResponseAsync(work, row, json.Value.SerializerOptions, ct));
        }

        return TypedResults.Ok<IReadOnlyList<SubmissionResponse>>(body);
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> GetAsync(
        Guid id, AccessScope access, RequestWork transaction, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var work = transaction.Work;
        var row = await SubmissionStore.FindAsync(work, id, ct);
        if (row is null || !await access.CanReadAsync(work, row.UnitId, ct))
        {
            return ApiProblems.NotFound("submission");
        }

        return TypedResults.Ok(await SubmissionViews.ToResponseAsync(work, row, json.Value.SerializerOptions, ct));
    }
}
