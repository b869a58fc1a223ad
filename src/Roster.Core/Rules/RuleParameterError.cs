namespace Roster.Core.Rules;

/// <summary>A rule whose parameters make no sense, naming the rule (by position and type) and the field.</summary>
public sealed record RuleParameterError(int Index, string RuleType, string Field, string Message);
