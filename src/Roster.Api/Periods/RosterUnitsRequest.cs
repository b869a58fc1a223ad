namespace Roster.Api.Periods;

/// <summary>
/// Which units of the period's subtree keep a roster: <c>mode</c> <c>all</c> (default: every unit, the declaring one
/// included), <c>leaves</c> (units with no unit below them; <c>includeOwnUnit</c> adds the declaring unit, e.g. the
/// bureau's own duty office) or <c>list</c> (exactly <c>unitIds</c>, which must lie in the subtree).
/// </summary>
public sealed record RosterUnitsRequest(string? Mode, IReadOnlyList<Guid>? UnitIds, bool? IncludeOwnUnit);
