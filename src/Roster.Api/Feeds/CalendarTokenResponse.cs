using NodaTime;
using Roster.Core.Storage.Feeds;

namespace Roster.Api.Feeds;

/// <summary>
/// A calendar subscription. <c>url</c> (the secret feed address, relative to the API's origin) is only present in the
/// answer that creates the token: it cannot be shown again, only revoked and replaced.
/// </summary>
public sealed record CalendarTokenResponse(
    Guid Id, string Kind, Guid? PersonId, Guid? UnitId, string? Label, Instant CreatedAt, Instant? RevokedAt, string? Url, Instant ExpiresAt)
{
    public static CalendarTokenResponse From(CalendarTokenRow row, string? url = null) =>
        new(row.Id, row.PersonId is null ? "unit" : "person", row.PersonId, row.UnitId, row.Label, row.CreatedAt, row.RevokedAt, url, row.ExpiresAt);
}
