using NodaTime;
using Roster.Core.Statistics;

namespace Roster.Core.Leave;

/// <summary>How long a leave may be, what a compensatory one may spend, and who decides on it.</summary>
public static class LeaveRules
{
    /// <summary>At most a year of leave in one entry: longer absences are deactivation, not leave.</summary>
    public const int MaxDays = 366;

    /// <summary>The most hours a compensatory leave from <paramref name="first"/> to <paramref name="last"/> may spend: a working day per day.</summary>
    public static decimal MostCompensatoryHours(LocalDate first, LocalDate last) =>
        (last >= first ? Period.DaysBetween(first, last) + 1 : 1) * CompensatoryHours.PerDay;

    /// <summary>
    /// Separation of duties: nobody approves their own leave. True when <paramref name="caller"/> is the person on leave and
    /// would set it to approved.
    /// </summary>
    public static bool ApprovesOwn(LeaveStatus to, Guid? caller, Guid personOnLeave) =>
        to == LeaveStatus.Approved && caller == personOnLeave;

    /// <summary>
    /// True when a new leave is recorded with the status given: an administrator recording someone else's leave. Staff ask
    /// for their own leave and it waits for approval; by separation of duties an administrator's own leave waits like anyone's.
    /// </summary>
    public static bool RecordsAsGiven(bool administers, bool own) => administers && !own;

    /// <summary>The leave's reason with the decider's note appended (the reason alone without a note).</summary>
    public static string? WithNote(string? reason, string? note) =>
        note is null ? reason : $"{reason} | {note}".Trim(' ', '|');
}
