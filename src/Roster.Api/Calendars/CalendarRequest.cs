using System.Text.Json;

namespace Roster.Api.Calendars;

/// <summary>A custom holiday calendar owned by a unit; <c>document</c> is in the format of docs of Roster.Core/Calendars.</summary>
public sealed record CalendarRequest(Guid? UnitId, string? Code, string? Name, JsonElement? Document);
