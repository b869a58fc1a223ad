using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Problems;
using Roster.Api.Rosters;
using Roster.Core.Rules;
using Roster.Core.Storage.Duty;

namespace Roster.Api.Swaps;

/// <summary>The problem details that answer a refused swap action.</summary>
internal static class SwapAnswers
{
    public static ProblemHttpResult Refusal(SwapOutcome outcome) => outcome switch
    {
        SwapOutcome.Forbidden f => ApiProblems.Forbidden(f.Message),
        SwapOutcome.Conflict c => ApiProblems.Conflict(c.Message, c.Field),
        SwapOutcome.Invalid i => ApiProblems.Invalid(i.Field, i.Message),
        SwapOutcome.Broken b => Broken(b.Violations),
        SwapOutcome.UrgencyRequired => ApprovalGate.Refusal(),
        _ => throw new InvalidOperationException($"{outcome} is not a refusal."),
    };

    private static ProblemHttpResult Broken(IReadOnlyList<RuleViolation> broken) =>
        TypedResults.Problem(statusCode: 422, title: "The swap breaks hard rules",
            detail: string.Join("; ", broken.Select(v => v.Message)),
            extensions: new Dictionary<string, object?>
            {
                ["violations"] = broken.Select(RosterViews.Violation).ToList(),
                ["errors"] = new Dictionary<string, string[]> { ["personId"] = broken.Select(v => v.Message).ToArray() },
            });
}
