using NodaTime;

namespace Roster.Core.Storage.Periods;

/// <summary>A shift of a period: local start time, length, the day types it runs on and head-count per role.</summary>
public sealed class ShiftRow
{
    public Guid Id { get; init; }

    public Guid PeriodId { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string? NameEn { get; init; }

    /// <summary>workday, weekend, holiday (a make-up workday takes the workday shifts).</summary>
    public string[] DayTypes { get; init; } = [];

    public LocalTime StartsAt { get; init; }

    /// <summary>Stored as an interval of hours, minutes and seconds; never months or days.</summary>
    public Period Length { get; init; } = Period.Zero;

    /// <summary>A JSON object: duty role → number of people.</summary>
    public string Headcount { get; init; } = "{}";

    /// <summary>A JSON object: duty role → on_site | reachable; roles not listed are on site.</summary>
    public string Presence { get; init; } = "{}";

    /// <summary>A JSON object: duty role → number of standby (备班) people; empty when the shift asks for none.</summary>
    public string Standby { get; init; } = "{}";

    public int Version { get; init; }

    public Instant CreatedAt { get; init; }
}
