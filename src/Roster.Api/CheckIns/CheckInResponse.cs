using NodaTime;
using Roster.Core.Storage.Duty;

namespace Roster.Api.CheckIns;

/// <summary>A check-in: when, whether late, and the check-out with its handover note.</summary>
public sealed record CheckInResponse(
    Guid Id, Guid UnitId, Guid PeriodId, string SlotKey, Guid PersonId, Instant SlotStart, Instant SlotEnd, Instant CheckedInAt,
    bool Late, Instant? CheckedOutAt, string? HandoverNote, Guid? RecordedBy)
{
    public static CheckInResponse From(CheckInRow r) => new(
        r.Id, r.UnitId, r.PeriodId, r.SlotKey, r.PersonId, r.SlotStartsAt, r.SlotEndsAt, r.CheckedInAt, r.Late, r.CheckedOutAt,
        r.HandoverNote, r.RecordedBy);
}
