using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>A roster version with its assignments, standbys (备班) and unfilled slots on the requested dates.</summary>
public sealed record RosterResponse(
    Guid VersionId, int Number, string Status, Guid PeriodId, Guid UnitId, Guid? BasedOnId, Instant CreatedAt, Instant? PublishedAt,
    IReadOnlyList<AssignmentResponse> Assignments, IReadOnlyList<UnfilledResponse> Unfilled, JsonElement Score,
    IReadOnlyList<StandbyResponse>? Standby = null);

/// <summary>A person in a slot. <c>start</c>/<c>end</c> are half-open; <c>presence</c> is on_site or reachable.</summary>
public sealed record AssignmentResponse(
    string SlotKey, string ShiftCode, string Role, LocalDate Date, Instant Start, Instant End, Guid PersonId, string PersonName,
    string? Phone, string Source, bool Pinned, bool Forced, string? ForceReason, string Presence = "on_site")
{
    public static AssignmentResponse From(AssignmentRow a, IReadOnlyDictionary<Guid, PersonRow> people)
    {
        var person = people.GetValueOrDefault(a.PersonId);
        return new(a.SlotKey, a.ShiftCode, a.Role, a.DutyDate, a.StartsAt, a.EndsAt, a.PersonId, person?.Name ?? "", person?.Phone,
            a.Source, a.Pinned, a.Forced, a.ForceReason);
    }
}
