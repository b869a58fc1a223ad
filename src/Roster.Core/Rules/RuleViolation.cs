namespace Roster.Core.Rules;

/// <summary>A broken hard rule or a charged soft rule, as data. <see cref="Penalty"/> is 0 for hard rules.</summary>
public sealed record RuleViolation(
    string RuleType,
    bool Hard,
    string Message,
    string? PersonId,
    IReadOnlyList<string> SlotIds,
    double Penalty,
    IReadOnlyDictionary<string, string> Data);
