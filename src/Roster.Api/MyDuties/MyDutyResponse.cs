using NodaTime;
using Roster.Api.CheckIns;

namespace Roster.Api.MyDuties;

/// <summary>
/// One of my duties in a published roster: when, where, the check-in window, my check-in if any, and the handover note
/// left by whoever held the same role just before me.
/// </summary>
public sealed record MyDutyResponse(
    Guid PeriodId, Guid UnitId, string UnitName, string TimeZone, string SlotKey, string ShiftCode, string Role, LocalDate Date,
    Instant Start, Instant End, Instant CheckInOpens, Instant CheckInCloses, CheckInResponse? CheckIn, string? PreviousHandoverNote);
