namespace Roster.Core.Rules;

/// <summary>Why a person cannot take a slot: the rule, an English sentence, and the numbers behind it.</summary>
/// <remarks><see cref="RuleType"/> is "none" when no hard rule excludes the person.</remarks>
public sealed record Exclusion(string PersonId, string RuleType, string Message, IReadOnlyDictionary<string, string> Data);
