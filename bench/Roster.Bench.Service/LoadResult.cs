namespace Roster.Bench.Service;

internal sealed record LoadResult(double P50Ms, double P99Ms, double Rps, int Requests, int Errors);
