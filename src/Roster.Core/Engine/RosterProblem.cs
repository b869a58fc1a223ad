using NodaTime;
using Roster.Core.Rules;

namespace Roster.Core.Engine;

/// <summary>Everything the engine needs to build one roster. Plain data; the engine reads no clock and does no I/O.</summary>
public sealed record RosterProblem
{
    public required IReadOnlyList<Slot> Slots { get; init; }

    public required IReadOnlyList<Person> People { get; init; }

    public IReadOnlyList<Unavailability> Unavailability { get; init; } = [];

    /// <summary>
    /// Standby (备班) needs: people reachable, not on site, during these slots. They are planned after the duty roster
    /// (<see cref="StandbyPlanner"/>), so the duty search never sees them; ids must differ from <see cref="Slots"/>' ids.
    /// </summary>
    public IReadOnlyList<Slot> StandbySlots { get; init; } = [];

    /// <summary>Assignments that survive regeneration unchanged.</summary>
    public IReadOnlyList<Assignment> Pinned { get; init; } = [];

    /// <summary>The last published roster; the stability rule charges each of these that is not kept.</summary>
    public IReadOnlyList<Assignment> Previous { get; init; } = [];

    /// <summary>Explicit rules. Qualification, no-overlap, availability and "staff duty is formal only" apply unless overridden.</summary>
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    /// <summary>Days counted by run and period rules; defaults to the first to the last slot date (inclusive).</summary>
    public DateInterval? Horizon { get; init; }

    public int Seed { get; init; }

    public Duration TimeLimit { get; init; } = Duration.FromSeconds(10);

    /// <summary>Moves per worker. With a limit that is reached before <see cref="TimeLimit"/>, the result depends only on the seed and worker count.</summary>
    public long? MaxIterations { get; init; }

    /// <summary>The column phase's work budget. Null: with <see cref="MaxIterations"/>, no column phase; without it, the
    /// column phase runs by the clock.</summary>
    public ColumnBudget? ColumnBudget { get; init; }

    public int Workers { get; init; } = 1;

    /// <summary>
    /// Early stop on clock-bound runs: once a legal roster exists, the search ends when no worker's best has improved for
    /// this long, or at once when nothing soft is left to gain. Null: run to <see cref="TimeLimit"/>.
    /// </summary>
    public Duration? StallLimit { get; init; }

    public CancellationToken Cancellation { get; init; }
}
