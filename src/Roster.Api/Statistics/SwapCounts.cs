namespace Roster.Api.Statistics;

/// <summary>Approved swaps and give-aways (换班 / 代班) of the range's duties: given away by the person, taken over by them.</summary>
public sealed record SwapCounts(int Given, int Taken);
