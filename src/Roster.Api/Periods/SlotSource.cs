using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Slots;
using Roster.Core.Storage;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Periods;

/// <summary>Turns a stored period, its shifts and calendar, and a unit into that unit's concrete slots.</summary>
/// <remarks>The expansion lives in Roster.Core (<see cref="RequiredSlots"/>) so the scheduler's gap scan uses the same slots.</remarks>
internal static class SlotSource
{
    public static Task<(IReadOnlyList<Slot> Slots, HolidayCalendar Calendar)> ExpandAsync(
        DbWork work, PeriodRow period, UnitRow unit, DateInterval range, CancellationToken ct) =>
        RequiredSlots.ExpandAsync(work, period, unit, range, ct);
}
