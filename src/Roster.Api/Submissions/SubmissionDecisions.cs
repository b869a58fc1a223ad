using System.Text.Json;
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
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Submissions;
using Roster.Core.Storage.Units;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Roster.Api.Submissions;

/// <summary>Approving (审批, which publishes) or returning (退回) a submitted roster: only supervisors of the unit above.</summary>
internal static class SubmissionDecisions
{
    public static async Task<Results<Ok<ApproveResponse>, ProblemHttpResult>> ApproveAsync(
        Guid id, ApproveRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("note", request?.Note, 2000);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if ((await FindDecidableAsync(work, id, access, ct)).Failed(out var problem, out var decidable))
        {
            return problem;
        }

        var (row, period, unit) = decidable;

        // Under the roster's lock: no hand edit lands between the snapshot check and the publish.
        await RosterStore.LockAsync(work, row.PeriodId, row.UnitId, ct);
        if (row.SubmittedBy == access.AccountId || await access.CanAdministerAsync(work, row.UnitId, ct))
        {
            return ApiProblems.Forbidden(
                "Separation of duties: a roster is approved by a supervisor above who neither submitted it nor administers the unit.");
        }

        var draft = await RosterStore.FindByStatusAsync(work, row.PeriodId, row.UnitId, RosterStatus.Draft, ct);
        var rows = draft is null ? [] : await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        if (draft is null || draft.Id != row.RosterVersionId || !SubmissionViews.Unchanged(row.Snapshot, rows))
        {
            return ApiProblems.Conflict("The roster changed after it was submitted; the unit must submit it again.", "roster");
        }

        if ((await RosterPublisher.PublishDraftAsync(work, period, unit, access.AccountId, audit, clock, json.Value.SerializerOptions, ct))
            .Failed(out var publishProblem, out var published))
        {
            return publishProblem;
        }

        var decided = await SubmissionStore.DecideAsync(
            work, id, SubmissionState.Approved, clock.GetCurrentInstant(), access.AccountId, note, "[]", published.Version.Id, ct);
        var body = await SubmissionViews.ToResponseAsync(work, decided!, json.Value.SerializerOptions, ct);
        await audit.RecordAsync(work, row.UnitId, "submission", id, "approve", null, body, ct);
        return TypedResults.Ok(new ApproveResponse(body, published));
    }

    public static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> ReturnAsync(
        Guid id, ReturnRequest request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, IOptions<JsonOptions> json,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("note", request.Note, 2000);
        var comments = Comments(request.Comments, errors);
        if (note is null && comments.Count == 0 && !errors.Any)
        {
            errors.Add("comments", "are required when there is no note: say what to fix, per day or slot");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if ((await FindDecidableAsync(work, id, access, ct)).Failed(out var problem, out var decidable))
        {
            return problem;
        }

        var (row, period, _) = decidable;

        for (var i = 0; i < comments.Count; i++)
        {
            if (comments[i].Date is { } date && (date < period.FirstDay || date > period.LastDay))
            {
                return ApiProblems.Invalid($"comments[{i}].date", "must be within the period");
            }
        }

        var decided = await SubmissionStore.DecideAsync(work, id, SubmissionState.Returned, clock.GetCurrentInstant(), access.AccountId, note,
            JsonSerializer.Serialize(comments, json.Value.SerializerOptions), null, ct);
        var body = await SubmissionViews.ToResponseAsync(work, decided!, json.Value.SerializerOptions, ct);
        await audit.RecordAsync(work, row.UnitId, "submission", id, "return", null, body, ct);
        return TypedResults.Ok(body);
    }

    /// <summary>The pending submission, its period and unit, when the caller supervises the unit above; else the problem.</summary>
    private static async Task<Found<DecidableSubmission>> FindDecidableAsync(
        DbWork work, Guid id, AccessScope access, CancellationToken ct)
    {
        var row = await SubmissionStore.FindAsync(work, id, ct);
        var unit = row is null ? null : await UnitStore.FindAsync(work, row.UnitId, ct);
        if (row is null || unit is null || !await access.CanReadAsync(work, row.UnitId, ct))
        {
            return ApiProblems.NotFound("submission");
        }

        if (unit.ParentId is not { } parent || !(await access.SupervisedAsync(work, ct)).Contains(parent))
        {
            return ApiProblems.Forbidden("Only a supervisor of the unit above may approve or return its roster.");
        }

        if (row.State != SubmissionState.Submitted)
        {
            return ApiProblems.Conflict($"The submission is already {row.State.Code}.", "state");
        }

        var period = await PeriodStore.FindAsync(work, row.PeriodId, ct);
        return period is null ? ApiProblems.NotFound("period") : new DecidableSubmission(row, period, unit);
    }

    private static List<ReturnComment> Comments(IReadOnlyList<ReturnComment>? comments, FieldErrors errors)
    {
        var list = new List<ReturnComment>();
        if (comments is { Count: > 200 })
        {
            errors.Add("comments", "must be at most 200");
            return list;
        }

        for (var i = 0; i < (comments?.Count ?? 0); i++)
        {
            var c = comments![i];
            var text = errors.Text($"comments[{i}].text", c?.Text, 1000);
            var slotKey = errors.OptionalText($"comments[{i}].slotKey", c?.SlotKey, 100);
            list.Add(new ReturnComment(c?.Date, slotKey, text));
        }

        return list;
    }
}
