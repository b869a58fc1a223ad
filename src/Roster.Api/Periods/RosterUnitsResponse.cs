using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>Which units of the period's subtree keep a roster (see <see cref="RosterUnitsRequest"/>).</summary>
public sealed record RosterUnitsResponse(string Mode, IReadOnlyList<Guid> UnitIds, bool IncludeOwnUnit)
{
    public static RosterUnitsResponse From(PeriodRow row) => new(row.RosterUnits, row.RosterUnitIds, row.RosterOwnUnit);
}
