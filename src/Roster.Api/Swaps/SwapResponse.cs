using NodaTime;
using Roster.Core.Storage.Duty;

namespace Roster.Api.Swaps;

/// <summary>A swap or give-away offer and where it stands.</summary>
public sealed record SwapResponse(
    Guid Id, Guid PeriodId, Guid UnitId, string SlotKey, Guid FromPersonId, string Kind, Guid? ToPersonId, string? CounterSlotKey,
    string Status, string? Note, Instant CreatedAt, Instant? AcceptedAt, Instant? DecidedAt)
{
    public static SwapResponse From(SwapRow r) => new(
        r.Id, r.PeriodId, r.UnitId, r.SlotKey, r.FromPersonId, r.Kind, r.ToPersonId, r.CounterSlotKey, r.Status.Code, r.Note, r.CreatedAt,
        r.AcceptedAt, r.DecidedAt);
}
