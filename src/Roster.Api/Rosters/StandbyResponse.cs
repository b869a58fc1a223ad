using NodaTime;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>A person standing by (备班) for a shift and role: reachable, not on site; <c>start</c>/<c>end</c> are half-open.
/// <c>steppedInSlot</c> names the duty slot they took over, when they did.</summary>
public sealed record StandbyResponse(
    string SlotKey, string ShiftCode, string Role, LocalDate Date, Instant Start, Instant End, Guid PersonId, string PersonName,
    string? Phone, string Source, Instant? SteppedInAt, string? SteppedInSlot)
{
    public static StandbyResponse From(StandbyRow s, IReadOnlyDictionary<Guid, PersonRow> people)
    {
        ArgumentNullException.ThrowIfNull(s);
        var person = people.GetValueOrDefault(s.PersonId);
        return new(s.SlotKey, s.ShiftCode, s.Role, s.DutyDate, s.StartsAt, s.EndsAt, s.PersonId, person?.Name ?? "", person?.Phone,
            s.Source, s.SteppedInAt, s.SteppedInSlot);
    }
}
