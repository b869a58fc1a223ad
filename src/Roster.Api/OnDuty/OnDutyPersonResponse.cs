using NodaTime;

namespace Roster.Api.OnDuty;

/// <summary>
/// Someone on duty: role (leader first), slot, <c>presence</c> on_site (在岗, checks in) or reachable (可联系, on call),
/// and whether and when they checked in.
/// </summary>
public sealed record OnDutyPersonResponse(
    Guid PersonId, string Name, string? Phone, string Role, string ShiftCode, string SlotKey, Guid PeriodId, Instant StartsAt,
    Instant EndsAt, string Presence, bool CheckedIn, Instant? CheckedInAt, bool Late);
