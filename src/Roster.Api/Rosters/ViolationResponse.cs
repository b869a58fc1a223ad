namespace Roster.Api.Rosters;

/// <summary>A broken hard rule (or a charged soft rule) of a roster, as data.</summary>
public sealed record ViolationResponse(
    string RuleType, bool Hard, string Message, Guid? PersonId, IReadOnlyList<string> SlotKeys, double Penalty,
    IReadOnlyDictionary<string, string> Data);
