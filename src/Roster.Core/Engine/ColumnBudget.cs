namespace Roster.Core.Engine;

/// <summary>A work budget for the column phase, beside <see cref="RosterProblem.MaxIterations"/>: with both, the column
/// phase runs and every phase of the search is bounded by work, so the roster depends on the seed and worker count
/// alone, whatever the machine's speed or load (the time limit still bounds it from above).</summary>
/// <param name="Rounds">Pricing rounds over the root and the dives: one solve of the relaxation and one pricing of every
/// person's row each (the root takes at most half).</param>
/// <param name="ChoiceWork">CP-SAT's deterministic time for choosing among the rows found (its own work measure, about a
/// second of a typical core per unit); CP-SAT then runs on one worker, as it is deterministic only there.</param>
public sealed record ColumnBudget(int Rounds, double ChoiceWork);
