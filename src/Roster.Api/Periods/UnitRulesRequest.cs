using System.Text.Json;

namespace Roster.Api.Periods;

/// <summary>The whole set of rules a unit adds to (tightens) those of the period; validated like the period's own.</summary>
public sealed record UnitRulesRequest(JsonElement? Rules);
