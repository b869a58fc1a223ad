namespace Roster.Api.Statistics;

/// <summary>Duties on one shift (by its code within the period).</summary>
public sealed record ShiftCount(string Code, string Name, string? NameEn, int Duties);
