using NodaTime;
using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>Leave or a day off; both days are included. <c>hours</c>: what a compensatory leave spends, else null.</summary>
public sealed record LeaveResponse(
    Guid Id, Guid PersonId, LocalDate FirstDay, LocalDate LastDay, string Kind, string Status, string? Reason, decimal? Hours, int Version,
    Instant CreatedAt)
{
    public static LeaveResponse From(LeaveRow row) =>
        new(row.Id, row.PersonId, row.FirstDay, row.LastDay, row.Kind, row.Status.Code, row.Reason, row.Hours, row.Version, row.CreatedAt);
}
