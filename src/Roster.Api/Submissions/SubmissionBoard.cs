using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Periods;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Oversight;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Submissions;
using Roster.Core.Storage.Units;

namespace Roster.Api.Submissions;

/// <summary>
/// The parent's view: the submission board of its units, and the oversight flags of a subtree. Reads write nothing: the
/// flags are recorded by the scheduler's duty-watch job (and by <c>POST /oversight:scan</c>); the board computes "overdue
/// as of now" from the clock, so it is right between scans.
/// </summary>
internal static class SubmissionBoard
{
    /// <summary>The child units of <c>unit</c> (default: the unit that declared the period) and where each roster stands.</summary>
    public static async Task<Results<Ok<BoardResponse>, ProblemHttpResult>> BoardAsync(
        Guid periodId, Guid? unit, AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var period = await PeriodEndpoints.FindVisibleAsync(work, periodId, access, ct);
        if (period is null)
        {
            return ApiProblems.NotFound("period");
        }

        var parent = unit ?? period.UnitId;
        if (!(await access.OverseenAsync(work, ct)).Contains(parent)
            || !await AccessScope.AppliesToAsync(work, period.UnitId, parent, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var rows = await SubmissionStore.BoardAsync(work, periodId, parent, clock.GetCurrentInstant(), ct);
        await work.CommitAsync(ct);
        var entries = rows.Select(r => new BoardEntryResponse(r.UnitId, r.UnitName, SubmissionBoardState.Of(r.State, r.HasDraft).Code, r.SubmissionId,
            r.Number, r.SubmittedAt, r.DecidedAt, r.PublishedAt, r.OverdueSince)).ToList();
        return TypedResults.Ok(new BoardResponse(periodId, parent, period.RequiresApproval, period.SubmissionDue, entries));
    }

    /// <summary>
    /// Flags of <c>unit</c>'s subtree (default: every unit the caller administers or supervises) as the last scan recorded
    /// them; open ones unless <c>all=true</c>.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<OversightFlagResponse>>, ProblemHttpResult>> FlagsAsync(
        Guid? unit, Guid? period, bool? all, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var overseen = await access.OverseenAsync(work, ct);
        if (unit is { } u && !overseen.Contains(u))
        {
            return ApiProblems.NotFound("unit");
        }

        IReadOnlyCollection<Guid> units = unit is { } root ? await UnitStore.SubtreeAsync(work, root, ct) : overseen;
        var rows = await OversightFlagStore.ListAsync(work, units, period, all ?? false, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok<IReadOnlyList<OversightFlagResponse>>(rows.Select(OversightFlagResponse.From).ToList());
    }

    /// <summary>Runs the flag detection now, for a supervisor of a root unit (the scheduler calls <see cref="OversightScan"/> directly).</summary>
    public static async Task<Results<Ok<ScanResponse>, ProblemHttpResult>> ScanAsync(
        AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.HoldsRootGrantAsync(work, GrantRoles.Supervisor, ct))
        {
            return ApiProblems.Forbidden("Only supervisors of the top unit run the installation-wide oversight scan.");
        }

        var changed = await OversightScan.RunAsync(work, clock.GetCurrentInstant(), ct);
        return TypedResults.Ok(new ScanResponse(changed));
    }
}
