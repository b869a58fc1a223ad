namespace Roster.Core.Statistics;

/// <summary>What one duty on a day type is worth: an allowance (值班补贴, CNY) and compensatory time off (补休, hours).</summary>
public sealed record DutyRate(decimal Allowance, decimal CompensatoryHours)
{
    public static readonly DutyRate None = new(0m, 0m);
}
