namespace Roster.Core.Storage.People;

/// <summary>What became of a decision on a leave request: done, or the one reason it was refused.</summary>
public abstract record LeaveOutcome
{
    private LeaveOutcome()
    {
    }

    /// <summary>The leave as decided and, once approved, the published duties it leaves uncovered.</summary>
    public sealed record Decided(LeaveRow Leave, IReadOnlyList<AffectedDuty> Affected) : LeaveOutcome;

    /// <summary>The caller may not make this decision.</summary>
    public sealed record Forbidden(string Message) : LeaveOutcome;

    /// <summary>The leave is no longer waiting for a decision.</summary>
    public sealed record Conflict(string Message, string Field) : LeaveOutcome;

    /// <summary>Someone changed the leave meanwhile.</summary>
    public sealed record Stale : LeaveOutcome;
}
