using Roster.Core.Engine;
using Roster.Core.Slots;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Generation;

/// <summary>Everything loaded from the database to generate or check one unit's roster for a period.</summary>
public sealed record RosterInputs(
    PeriodRow Period, UnitRow Unit, RosterProblem Problem, IReadOnlyDictionary<string, ShiftSlot> Slots,
    IReadOnlyDictionary<Guid, PersonRow> People)
{
    /// <summary>The engine id of a standby slot: its key behind this prefix, so it never meets a duty slot's id.</summary>
    public const string StandbyPrefix = "standby:";

    /// <summary>Standby (备班) slots by engine id (<see cref="StandbyPrefix"/> + key); empty when no shift asks for standby.</summary>
    public IReadOnlyDictionary<string, ShiftSlot> StandbySlots { get; init; } = new Dictionary<string, ShiftSlot>(StringComparer.Ordinal);
}
