using NodaTime;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>One version of a roster, without its assignments.</summary>
public sealed record RosterVersionResponse(
    Guid Id, int Number, string Status, Guid? BasedOnId, Guid? JobId, Instant CreatedAt, Instant? PublishedAt, Guid? PublishedBy)
{
    public static RosterVersionResponse From(RosterVersionRow v) =>
        new(v.Id, v.Number, v.Status.Code, v.BasedOnId, v.JobId, v.CreatedAt, v.PublishedAt, v.PublishedBy);
}
