using NodaTime;

namespace Roster.Core.Oversight;

/// <summary>An on-site duty an inspection can be given to: a published assignment, [Start, End) half-open.</summary>
public sealed record InspectionDuty(string SlotKey, LocalDate Date, string ShiftCode, Guid PersonId, Instant Start, Instant End);
