using NodaTime;

namespace Roster.Core.Storage.Calendars;

/// <summary>A stored holiday calendar document. Built-in calendars have no owner unit and cannot be changed.</summary>
public sealed class CalendarRow
{
    public Guid Id { get; init; }

    public Guid? UnitId { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>The calendar document as JSON.</summary>
    public string Document { get; init; } = "{}";

    public bool Builtin { get; init; }

    public int Version { get; init; }

    public Instant CreatedAt { get; init; }
}
