using NodaTime;

namespace Roster.Api.Coverage;

/// <summary>One unit on one duty date: slots required, slots filled in the published roster, gaps still open.</summary>
public sealed record CoverageDayResponse(Guid UnitId, string UnitName, LocalDate Date, int Required, int Filled, int OpenGaps);
