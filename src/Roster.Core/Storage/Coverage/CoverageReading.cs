using Roster.Core.Calendars;

namespace Roster.Core.Storage.Coverage;

/// <summary>What <see cref="CoverageReader.ReadAsync"/> answers.</summary>
/// <param name="Days">One per unit with rows and date, units in the order asked.</param>
/// <param name="Calendars">
/// Each unit with rows → the holiday calendar of its first period (by id) that applies in the range, which names the
/// day types and holidays of all its dates.
/// </param>
public sealed record CoverageReading(IReadOnlyList<CoverageDay> Days, IReadOnlyDictionary<Guid, HolidayCalendar> Calendars);
