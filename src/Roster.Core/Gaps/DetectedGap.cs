using NodaTime;

namespace Roster.Core.Gaps;

/// <summary>A gap found in a roster. <see cref="Key"/> identifies it within the unit and kind. [Start, End) is half-open.</summary>
public sealed record DetectedGap(string Kind, string Key, string SlotKey, string Role, Guid? PersonId, Instant Start, Instant End, string Detail);
