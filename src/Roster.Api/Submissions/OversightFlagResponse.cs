using NodaTime;
using Roster.Core.Storage.Submissions;

namespace Roster.Api.Submissions;

/// <summary>An oversight flag on a unit: kind submission_overdue, inspections_behind or hazard_overdue; open while closedAt is null.</summary>
public sealed record OversightFlagResponse(
    Guid Id, string Kind, Guid UnitId, Guid PeriodId, string Subject, string? Detail, Instant OpenedAt, Instant? ClosedAt)
{
    public static OversightFlagResponse From(OversightFlagRow r) =>
        new(r.Id, r.Kind, r.UnitId, r.PeriodId, r.Subject, r.Detail, r.OpenedAt, r.ClosedAt);
}
