using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Model;
using Roster.Core.Storage.Units;

namespace Roster.Api.Exports;

/// <summary>
/// Coverage of one unit on one duty date: slots its critical periods require, and how many the published roster fills.
/// New measures (e.g. open gaps from the gap tables) go here as properties, and into <see cref="CoverageColumns"/>.
/// </summary>
internal sealed record CoverageDay(UnitRow Unit, LocalDate Date, DayType? DayType, Holiday? Holiday, int Required, int Filled)
{
    public int Unfilled => Required - Filled;
}
