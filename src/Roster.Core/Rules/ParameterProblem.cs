namespace Roster.Core.Rules;

/// <summary>One bad field of one rule, before the rule's position is known.</summary>
public sealed record ParameterProblem(string Field, string Message);
