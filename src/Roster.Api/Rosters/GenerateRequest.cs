namespace Roster.Api.Rosters;

/// <summary>
/// Starts generation. <c>seconds</c>: the search time limit (1–120, default 5). <c>seed</c>: the random seed.
/// <c>iterations</c>: a fixed number of search moves (1–10^9) on one core, so that the same input and seed always give
/// the same roster (<c>seconds</c> still caps the time). <c>stallSeconds</c>: stop early once the best roster has not
/// improved for this long (default a quarter of <c>seconds</c>, at least 1; 0 runs to the limit; ignored with
/// <c>iterations</c>). <c>subtree</c>: also every unit below, each as its own job under one parent job.
/// </summary>
public sealed record GenerateRequest(double? Seconds, int? Seed, long? Iterations, bool? Subtree, double? StallSeconds = null);
