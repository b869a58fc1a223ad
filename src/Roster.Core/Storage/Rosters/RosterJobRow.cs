using NodaTime;
using Roster.Core.Model;

namespace Roster.Core.Storage.Rosters;

/// <summary>A background roster generation: queued, running, then succeeded (with a draft version), failed or cancelled.</summary>
public sealed class RosterJobRow
{
    public Guid Id { get; init; }

    /// <summary><c>unit</c>: generates one unit; <c>subtree</c>: a parent over one unit job per unit of a subtree.</summary>
    public string Kind { get; init; } = "unit";

    public Guid? ParentId { get; init; }

    public Guid PeriodId { get; init; }

    public Guid UnitId { get; init; }

    public RosterJobStatus Status { get; init; } = RosterJobStatus.Queued;

    /// <summary>0 to 1.</summary>
    public float Progress { get; init; }

    public int Seed { get; init; }

    /// <summary>The solver's time limit in seconds.</summary>
    public float Seconds { get; init; }

    /// <summary>A fixed number of search moves: with it the same seed always gives the same roster.</summary>
    public long? Iterations { get; init; }

    public Guid? RequestedBy { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant? StartedAt { get; init; }

    public Instant? FinishedAt { get; init; }

    public Guid? VersionId { get; init; }

    public string? Error { get; init; }

    /// <summary>Stop early when the best roster has not improved for this many seconds (null: the default).</summary>
    public float? StallSeconds { get; init; }

    /// <summary>How many times a worker has claimed the job.</summary>
    public int Attempt { get; init; }

    public int MaxAttempts { get; init; } = 2;

    /// <summary>The worker process running it (while running).</summary>
    public string? Worker { get; init; }

    /// <summary>JSON object: iterations, seconds, workers, hard violations, unfilled count.</summary>
    public string? Statistics { get; init; }
}
