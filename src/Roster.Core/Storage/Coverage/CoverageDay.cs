using NodaTime;

namespace Roster.Core.Storage.Coverage;

/// <summary>
/// One unit's coverage on one duty date: slots required by the periods that apply, slots with someone assigned in the
/// published roster, and gaps still open among that date's slots.
/// </summary>
public sealed record CoverageDay(Guid UnitId, LocalDate Date, int Required, int Filled, int OpenGaps);
