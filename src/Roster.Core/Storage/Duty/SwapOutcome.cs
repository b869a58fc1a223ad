using Roster.Core.Rules;

namespace Roster.Core.Storage.Duty;

/// <summary>What became of a swap action: done, or the one reason it was refused (the caller maps each to its answer).</summary>
public abstract record SwapOutcome
{
    private SwapOutcome()
    {
    }

    /// <summary>The offer as it now stands; <paramref name="UrgentChange"/> when it changed an approved roster urgently.</summary>
    public sealed record Done(SwapRow Swap, bool UrgentChange = false) : SwapOutcome;

    /// <summary>The caller may not act for the person concerned.</summary>
    public sealed record Forbidden(string Message) : SwapOutcome;

    /// <summary>The offer (or a duty in it) is not in a state that allows the action; <paramref name="Field"/> says which.</summary>
    public sealed record Conflict(string Message, string Field) : SwapOutcome;

    /// <summary>A value in the request does not fit: <paramref name="Field"/> is at fault.</summary>
    public sealed record Invalid(string Field, string Message) : SwapOutcome;

    /// <summary>The swap would newly break these hard rules.</summary>
    public sealed record Broken(IReadOnlyList<RuleViolation> Violations) : SwapOutcome;

    /// <summary>The unit above approves the period's rosters, and the change was not marked urgent.</summary>
    public sealed record UrgencyRequired : SwapOutcome;
}
