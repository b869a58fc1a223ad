using Roster.Core.Engine;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;
using SlotNeed = Roster.Core.Slots.Slot;

namespace Roster.Core.Storage.Generation;

/// <summary>Everything loaded from the database to generate or check one unit's roster for a period.</summary>
public sealed record RosterInputs(
    PeriodRow Period, UnitRow Unit, RosterProblem Problem, IReadOnlyDictionary<string, SlotNeed> Slots,
    IReadOnlyDictionary<Guid, PersonRow> People);
