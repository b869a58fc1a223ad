using NodaTime;
using Roster.Core.Swaps;

namespace Roster.Core.Storage.Duty;

/// <summary>
/// An offer of a published duty: a give-away (someone else takes it) or a swap (the taker gives back one of theirs,
/// <see cref="CounterSlotKey"/>). offered → accepted → approved (applied), or rejected / cancelled.
/// </summary>
public sealed class SwapRow
{
    public Guid Id { get; init; }

    public Guid PeriodId { get; init; }

    public Guid UnitId { get; init; }

    public string SlotKey { get; init; } = "";

    public Guid FromPersonId { get; init; }

    /// <summary>swap or giveaway.</summary>
    public string Kind { get; init; } = "giveaway";

    /// <summary>Who the offer is for (null: any qualified colleague), then who accepted it.</summary>
    public Guid? ToPersonId { get; init; }

    public string? CounterSlotKey { get; init; }

    public SwapStatus Status { get; init; } = SwapStatus.Offered;

    public string? Note { get; init; }

    public Guid? CreatedBy { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant? AcceptedAt { get; init; }

    public Guid? DecidedBy { get; init; }

    public Instant? DecidedAt { get; init; }

    public int Version { get; init; }
}
