using NodaTime;
using NodaTime.Text;
using Roster.Core.Model;

namespace Roster.Core.Slots;

/// <summary>
/// One slot of a unit's expanded shift pattern: unit × shift × duty date × role × index, with its instants and stable
/// <see cref="Key"/>. <see cref="Start"/> and <see cref="End"/> form a half-open interval [Start, End), so back-to-back
/// shifts do not overlap. The engine sees each as an <see cref="Engine.Slot"/> whose id is the key.
/// </summary>
/// <param name="UnitId">The unit that must be covered.</param>
/// <param name="ShiftCode">Code of the <see cref="ShiftDefinition"/>.</param>
/// <param name="Date">The duty date: the local date the shift starts on (a night shift belongs to the evening it starts).</param>
/// <param name="DayType">Day type of <see cref="Date"/> from the holiday calendar.</param>
/// <param name="Role">Duty role, e.g. <see cref="DutyRoles.Leader"/>.</param>
/// <param name="Index">0 … head count − 1 among the slots of the same shift, date and role.</param>
/// <param name="Start">First instant on duty, inclusive.</param>
/// <param name="End">First instant off duty, exclusive.</param>
/// <param name="LocalStart">Wall-clock start in the unit's zone (after resolving a skipped time).</param>
/// <param name="LocalEnd">Wall-clock end in the unit's zone.</param>
public sealed record ShiftSlot(
    string UnitId,
    string ShiftCode,
    LocalDate Date,
    DayType DayType,
    string Role,
    int Index,
    Instant Start,
    Instant End,
    LocalDateTime LocalStart,
    LocalDateTime LocalEnd)
{
    /// <summary>Local start of the night window (22:00); the window runs to <see cref="NightEnd"/> the next morning.</summary>
    public static readonly LocalTime NightStart = new(22, 0);

    /// <summary>Local end of the night window (06:00), exclusive.</summary>
    public static readonly LocalTime NightEnd = new(6, 0);

    /// <summary>Elapsed time on duty: 23 or 25 h for a 24-hour shift across a DST change.</summary>
    public Duration Length => End - Start;

    /// <summary>[Start, End), half-open.</summary>
    public Interval Interval => new(Start, End);

    /// <summary>Stable key within a unit, e.g. <c>2026-12-31/L24/leader/0</c>; survives regeneration.</summary>
    public string Key => $"{LocalDatePattern.Iso.Format(Date)}/{ShiftCode}/{Role}/{Index}";

    /// <summary>
    /// True when the slot overlaps a local night window 22:00–06:00 (half-open at both ends, so a 06:00–22:00 shift is
    /// not a night). Nights weigh more in the fairness rule.
    /// </summary>
    public bool IsNight
    {
        get
        {
            // Windows start the evening before the start date, up to the evening of the end date.
            for (var day = LocalStart.Date.PlusDays(-1); day <= LocalEnd.Date; day = day.PlusDays(1))
            {
                var windowStart = day + NightStart;
                var windowEnd = day.PlusDays(1) + NightEnd;
                if (LocalStart < windowEnd && LocalEnd > windowStart)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
