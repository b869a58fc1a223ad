using NodaTime;
using Roster.Core.Storage.Duty;

namespace Roster.Api.SpotChecks;

/// <summary>A person to call in a spot check, with the phone number to call and, once recorded, the outcome.</summary>
public sealed record SpotCheckItemResponse(
    Guid Id, Guid SpotCheckId, Guid UnitId, string UnitName, string SlotKey, Guid PersonId, string PersonName, string? Phone,
    string? Outcome, string? Note, Instant? RecordedAt)
{
    public static SpotCheckItemResponse From(SpotCheckItemRow r, string unitName, string personName) =>
        new(r.Id, r.SpotCheckId, r.UnitId, unitName, r.SlotKey, r.PersonId, personName, r.Phone, r.Outcome, r.Note, r.RecordedAt);
}
