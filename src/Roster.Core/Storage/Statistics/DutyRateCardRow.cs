using NodaTime;
using Roster.Core.Statistics;

namespace Roster.Core.Storage.Statistics;

/// <summary>A stored rate card: a unit's (for its subtree) or a period's. Amounts in CNY, time off in hours.</summary>
public sealed class DutyRateCardRow
{
    public Guid? UnitId { get; init; }

    public Guid? PeriodId { get; init; }

    public decimal WorkdayAllowance { get; init; }

    public decimal WeekendAllowance { get; init; }

    public decimal HolidayAllowance { get; init; }

    public decimal MakeUpWorkdayAllowance { get; init; }

    public decimal WorkdayCompensatoryHours { get; init; }

    public decimal WeekendCompensatoryHours { get; init; }

    public decimal HolidayCompensatoryHours { get; init; }

    public decimal MakeUpWorkdayCompensatoryHours { get; init; }

    public int Version { get; init; }

    public Instant UpdatedAt { get; init; }

    public DutyRateCard ToCard() => new(
        new(WorkdayAllowance, WorkdayCompensatoryHours),
        new(WeekendAllowance, WeekendCompensatoryHours),
        new(HolidayAllowance, HolidayCompensatoryHours),
        new(MakeUpWorkdayAllowance, MakeUpWorkdayCompensatoryHours));
}
