using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>The nearest assignment start or end at or before an instant, and the next one after it (null: none near).</summary>
public sealed class OnDutySpanRow
{
    public Instant? LastChange { get; init; }

    public Instant? NextChange { get; init; }
}
