namespace Roster.Core.Engine.Search;

/// <summary>Every per-person rule, compiled. Defaults mean "no limit".</summary>
internal sealed class PersonLimits(int days, int shifts)
{
    public int MaxConsecutive = int.MaxValue;
    public int MinConsecutive;
    public int MinDaysOff;
    public int MaxWeekends = int.MaxValue;
    public readonly List<WorkloadLimit> Workloads = [];

    /// <summary>Minimum rest in minutes after a shift, by shift index.</summary>
    public readonly long[] RestAfter = new long[shifts];

    /// <summary>[from * shifts + to]: shift "to" may not follow shift "from" on the next day.</summary>
    public bool[]? ForbiddenNext;

    public readonly DayRequest[]?[] Requests = new DayRequest[]?[days];

    /// <summary>Cell held in the previous published roster on each day, or −1.</summary>
    public readonly int[] PreviousCell = Enumerable.Repeat(-1, days).ToArray();
    public double StabilityWeight;
    public int SpreadMinDays;
    public double SpreadWeight;

    /// <summary>Pinned days the search may not change.</summary>
    public readonly bool[] Locked = new bool[days];

    public void AddRequest(int day, DayRequest request) => Requests[day] = [.. Requests[day] ?? [], request];
}
