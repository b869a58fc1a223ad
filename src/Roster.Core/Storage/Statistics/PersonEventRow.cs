namespace Roster.Core.Storage.Statistics;

/// <summary>
/// Something a person did about a duty: checked in on time or late, missed the check-in, gave or took it in a swap; or a
/// day they stood by (备班) on a published roster (<see cref="SlotKey"/> is then the date).
/// </summary>
public sealed class PersonEventRow
{
    /// <summary>on_time, late, missed, given, taken or standby.</summary>
    public string Kind { get; init; } = "";

    public Guid UnitId { get; init; }

    public Guid PeriodId { get; init; }

    public string SlotKey { get; init; } = "";

    public Guid PersonId { get; init; }
}
