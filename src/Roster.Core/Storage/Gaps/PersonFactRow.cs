using NodaTime;

namespace Roster.Core.Storage.Gaps;

/// <summary>One fact about an assigned person: a leave range, another duty, or their state (by <see cref="Fact"/>).</summary>
internal sealed class PersonFactRow
{
    /// <summary>person, leave or duty.</summary>
    public string Fact { get; init; } = "";

    public Guid PersonId { get; init; }

    public bool Active { get; init; }

    public string[] Roles { get; init; } = [];

    public LocalDate? FirstDay { get; init; }

    public LocalDate? LastDay { get; init; }

    public Instant? StartsAt { get; init; }

    public Instant? EndsAt { get; init; }
}
