namespace Roster.Core.Calendars;

/// <summary>One problem found in a <see cref="HolidayCalendarDocument"/>.</summary>
/// <param name="Field">Path of the offending field in the JSON, e.g. <c>years.2026.holidays[0].to</c>.</param>
/// <param name="Message">What is wrong, in English, naming the values involved.</param>
public sealed record CalendarValidationError(string Field, string Message);
