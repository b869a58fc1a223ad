using NodaTime;
using Roster.Core.Storage.Gaps;

namespace Roster.Api.Gaps;

/// <summary>A coverage gap. Open while <c>resolvedAt</c> is null; [startsAt, endsAt) is the time it concerns.</summary>
public sealed record GapResponse(
    Guid Id, Guid UnitId, Guid? PeriodId, string Kind, string? SlotKey, string? Role, Guid? PersonId,
    Instant StartsAt, Instant EndsAt, string Detail, Instant FirstSeenAt, Instant? ResolvedAt, string Status)
{
    public static GapResponse From(GapRow row) => new(
        row.Id, row.UnitId, row.PeriodId, row.Kind, row.SlotKey, row.Role, row.PersonId, row.StartsAt, row.EndsAt, row.Detail,
        row.FirstSeenAt, row.ResolvedAt, row.ResolvedAt is null ? "open" : "resolved");
}
