using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Calendars;

namespace Roster.Api.Calendars;

/// <summary>A holiday calendar. Built-in calendars have no owner unit and are read-only.</summary>
public sealed record CalendarResponse(
    Guid Id, Guid? UnitId, string Code, string Name, bool Builtin, JsonElement Document, int Version, Instant CreatedAt)
{
    public static CalendarResponse From(CalendarRow row)
    {
        using var doc = JsonDocument.Parse(row.Document);
        return new(row.Id, row.UnitId, row.Code, row.Name, row.Builtin, doc.RootElement.Clone(), row.Version, row.CreatedAt);
    }
}

/// <summary>What a calendar says of one date.</summary>
public sealed record CalendarDayResponse(LocalDate Date, Roster.Core.Model.DayType DayType, string? Holiday, string? HolidayEn);
