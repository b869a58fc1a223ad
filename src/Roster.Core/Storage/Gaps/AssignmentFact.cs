using NodaTime;

namespace Roster.Core.Storage.Gaps;

/// <summary>An assignment as gap detection reads it.</summary>
internal sealed class AssignmentFact
{
    public string SlotKey { get; init; } = "";

    public string ShiftCode { get; init; } = "";

    public string Role { get; init; } = "";

    public Guid PersonId { get; init; }

    public Instant StartsAt { get; init; }

    public Instant EndsAt { get; init; }
}
