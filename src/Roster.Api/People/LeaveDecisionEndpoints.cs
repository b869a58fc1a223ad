using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Leave;
using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>Admins approve or reject leave requests; approval shows the duties it uncovers and ranked replacements.</summary>
internal static class LeaveDecisionEndpoints
{
    public static void MapLeaveDecisions(this ApiGroups groups)
    {
        var leaves = groups.Work.MapGroup("").WithTags("Leave");
        leaves.MapPost("/leaves/{id:guid}:approve", (Guid id, LeaveDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
            => DecideAsync(id, LeaveStatus.Approved, request, access, audit, clock, transaction, ct));
        leaves.MapPost("/leaves/{id:guid}:reject", (Guid id, LeaveDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
            => DecideAsync(id, LeaveStatus.Rejected, request, access, audit, clock, transaction, ct));
    }

    private static async Task<Results<Ok<LeaveDecisionResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, LeaveStatus status, LeaveDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("note", request?.Note, 500);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        var leave = await LeaveStore.FindAsync(work, id, ct);
        var person = leave is null ? null : await PersonStore.FindAsync(work, leave.PersonId, ct);
        if (leave is null || person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("leave");
        }

        if (!await access.CanAdministerAsync(work, person.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the person's unit decides on leave.");
        }

        var outcome = await LeaveDecisions.DecideAsync(work, leave, person, status, note, await access.PersonIdAsync(work, ct), clock, ct);
        if (outcome is not LeaveOutcome.Decided(var decided, var affected))
        {
            return outcome switch
            {
                LeaveOutcome.Forbidden f => ApiProblems.Forbidden(f.Message),
                LeaveOutcome.Conflict c => ApiProblems.Conflict(c.Message, c.Field),
                _ => ApiProblems.Stale(),
            };
        }

        var body = LeaveResponse.From(decided);
        await audit.RecordAsync(work, person.UnitId, "leave", id, status == LeaveStatus.Approved ? "approve" : "reject",
            LeaveResponse.From(leave), body, ct);
        return TypedResults.Ok(new LeaveDecisionResponse(body, affected));
    }
}
