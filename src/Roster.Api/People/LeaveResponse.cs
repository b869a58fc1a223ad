using NodaTime;
using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>Leave or a day off; both days are included.</summary>
public sealed record LeaveResponse(
    Guid Id, Guid PersonId, LocalDate FirstDay, LocalDate LastDay, string Kind, string Status, string? Reason, int Version, Instant CreatedAt)
{
    public static LeaveResponse From(LeaveRow row) =>
        new(row.Id, row.PersonId, row.FirstDay, row.LastDay, row.Kind, row.Status, row.Reason, row.Version, row.CreatedAt);
}
