using Roster.Core.Model;

namespace Roster.Core.Statistics;

/// <summary>One duty as the statistics count it: its day type by the period's holiday calendar, and what it is worth.</summary>
public sealed record DutyValue(DayType DayType, decimal Hours, bool Night, DutyRate Rate);
