namespace Roster.Bench.Curtois;

/// <summary>One Curtois &amp; Qu instance as written in its .txt file. Day 0 is a Monday.</summary>
internal sealed record CurtoisInstance(
    int Days,
    IReadOnlyList<CurtoisShift> Shifts,
    IReadOnlyList<CurtoisStaff> Staff,
    IReadOnlyList<(string Staff, int Day)> DaysOff,
    IReadOnlyList<CurtoisRequest> OnRequests,
    IReadOnlyList<CurtoisRequest> OffRequests,
    IReadOnlyList<CurtoisCover> Cover);

internal sealed record CurtoisShift(string Id, int Minutes, IReadOnlyList<string> CannotFollow);

internal sealed record CurtoisStaff(string Id, IReadOnlyDictionary<string, int> MaxShifts, int MaxTotalMinutes, int MinTotalMinutes,
    int MaxConsecutive, int MinConsecutive, int MinDaysOff, int MaxWeekends);

internal sealed record CurtoisRequest(string Staff, int Day, string Shift, int Weight);

internal sealed record CurtoisCover(int Day, string Shift, int Requirement, int UnderWeight, int OverWeight);
