namespace Roster.Api.Submissions;

/// <summary>Returns a submitted roster (退回) with comments per day or slot, and/or a general note; at least one is required.</summary>
public sealed record ReturnRequest(string? Note, IReadOnlyList<ReturnComment>? Comments);
