using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Problems;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Rosters;

/// <summary>
/// The answer refusing a live change (replacement, swap) in a period whose rosters the unit above approves, when it is
/// not marked urgent (the rule and the notice to the unit above: Core's <see cref="UrgentChanges"/>).
/// </summary>
internal static class ApprovalGate
{
    /// <summary>A 409 when the period requires approval and the change is not marked urgent; null when it may go ahead.</summary>
    public static ProblemHttpResult? Refuse(PeriodRow period, bool urgent) => UrgentChanges.Blocked(period, urgent) ? Refusal() : null;

    public static ProblemHttpResult Refusal() =>
        ApiProblems.Conflict(
            "This period requires the unit above to approve roster changes: change the draft and submit it again, "
            + "or send urgent: true with a reason (the unit above is told at once).", "urgent");
}
