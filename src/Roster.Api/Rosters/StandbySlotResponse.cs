using NodaTime;

namespace Roster.Api.Rosters;

/// <summary>A standby slot (备班岗位) the period's shifts ask for, with whoever stands by in it (null when nobody does yet).</summary>
public sealed record StandbySlotResponse(
    string SlotKey, string ShiftCode, string Role, LocalDate Date, Instant Start, Instant End, Guid? PersonId, string? PersonName,
    string? SteppedInSlot);
