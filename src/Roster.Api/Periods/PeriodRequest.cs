using System.Text.Json;
using NodaTime;

namespace Roster.Api.Periods;

/// <summary>
/// Declares or changes a critical period on a unit for its subtree, from <c>firstDay</c> to <c>lastDay</c> inclusive.
/// Without <c>calendarId</c> the built-in mainland China calendar applies.
/// </summary>
public sealed record PeriodRequest(Guid? UnitId, string? Name, LocalDate? FirstDay, LocalDate? LastDay, Guid? CalendarId, JsonElement? Rules);
