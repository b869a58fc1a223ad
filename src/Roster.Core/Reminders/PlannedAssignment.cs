using NodaTime;

namespace Roster.Core.Reminders;

/// <summary>An assignment of a published roster, as reminder planning needs it. [Start, End) is half-open.</summary>
public sealed record PlannedAssignment(string SlotKey, string ShiftCode, string Role, Guid PersonId, Instant Start, Instant End);
