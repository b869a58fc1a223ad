using NodaTime;
using Roster.Core.Model;

namespace Roster.Core.Storage.Rosters;

/// <summary>A version of a unit's roster for a period: draft, published, or superseded by a later publish.</summary>
public sealed class RosterVersionRow
{
    public Guid Id { get; init; }

    public Guid PeriodId { get; init; }

    public Guid UnitId { get; init; }

    /// <summary>1, 2, 3… per unit and period, in creation order.</summary>
    public int Number { get; init; }

    public RosterStatus Status { get; init; } = RosterStatus.Draft;

    public Guid? BasedOnId { get; init; }

    public Guid? JobId { get; init; }

    /// <summary>JSON array of the unfilled slots with the reason each candidate was excluded.</summary>
    public string Unfilled { get; init; } = "[]";

    /// <summary>JSON object: soft score per rule type.</summary>
    public string Score { get; init; } = "{}";

    public Instant CreatedAt { get; init; }

    public Instant? PublishedAt { get; init; }

    public Guid? PublishedBy { get; init; }

    /// <summary>1 at creation, one more per change to the version's assignments: the draft's ETag.</summary>
    public int Revision { get; init; } = 1;
}
