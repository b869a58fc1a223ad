using Roster.Core.Model;

namespace Roster.Core.Statistics;

/// <summary>The rates of a unit or a period, one per day type.</summary>
public sealed record DutyRateCard(DutyRate Workday, DutyRate Weekend, DutyRate Holiday, DutyRate MakeUpWorkday)
{
    public static readonly DutyRateCard None = new(DutyRate.None, DutyRate.None, DutyRate.None, DutyRate.None);

    public DutyRate For(DayType type) => type switch
    {
        DayType.Weekend => Weekend,
        DayType.Holiday => Holiday,
        DayType.MakeUpWorkday => MakeUpWorkday,
        _ => Workday,
    };
}
