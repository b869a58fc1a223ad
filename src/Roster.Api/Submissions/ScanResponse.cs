namespace Roster.Api.Submissions;

/// <summary>How many oversight flags the scan opened or closed.</summary>
public sealed record ScanResponse(int Changed);
