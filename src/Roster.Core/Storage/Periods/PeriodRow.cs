using NodaTime;

namespace Roster.Core.Storage.Periods;

/// <summary>A critical period; <see cref="FirstDay"/> and <see cref="LastDay"/> are both included.</summary>
public sealed class PeriodRow
{
    public Guid Id { get; init; }

    public Guid UnitId { get; init; }

    public string Name { get; init; } = "";

    public LocalDate FirstDay { get; init; }

    public LocalDate LastDay { get; init; }

    public Guid CalendarId { get; init; }

    /// <summary>A JSON array of rule objects.</summary>
    public string Rules { get; init; } = "[]";

    /// <summary>Local time (in each unit's zone) by which each day's report is due.</summary>
    public LocalTime DailyReportDue { get; init; } = new(16, 0);

    /// <summary>Minutes a supervisor has to acknowledge an incident before it escalates.</summary>
    public int IncidentAckMinutes { get; init; } = 20;

    /// <summary>Each unit's roster must be approved by the unit above before it is published (报备审批).</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>When units must have submitted their rosters for approval; null for no deadline.</summary>
    public Instant? SubmissionDue { get; init; }

    /// <summary>all, leaves or list: which units of the subtree keep a roster (see <see cref="RosteredUnits"/>).</summary>
    public string RosterUnits { get; init; } = "all";

    /// <summary>The units that keep a roster when <see cref="RosterUnits"/> is list.</summary>
    public Guid[] RosterUnitIds { get; init; } = [];

    /// <summary>With leaves: the declaring unit keeps a roster too.</summary>
    public bool RosterOwnUnit { get; init; }

    public int Version { get; init; }

    public Instant CreatedAt { get; init; }
}
