using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>The period and unit of a roster request, both visible to the caller.</summary>
internal sealed record RosterPlace(PeriodRow Period, UnitRow Unit);
