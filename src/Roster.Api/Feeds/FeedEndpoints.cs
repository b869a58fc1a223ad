using System.Text;
using NodaTime;
using Npgsql;
using Roster.Api.Exports;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Feeds;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Units;

namespace Roster.Api.Feeds;

/// <summary>
/// The calendar feeds themselves, for calendar apps that cannot sign in: the secret token in the address is the only key.
/// Unknown, malformed and revoked tokens all answer 404, so a probe learns nothing.
/// </summary>
internal static class FeedEndpoints
{
    /// <summary>Duties that ended more than this long ago drop out of the feed (calendar apps keep what they have seen).</summary>
    public static readonly Duration History = Duration.FromDays(31);

    public static void MapFeeds(this IEndpointRouteBuilder app) =>
        app.MapGet("/feeds/{token}.ics", GetAsync).AllowAnonymous().WithTags("Calendar feeds")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");

    private static async Task<IResult> GetAsync(string token, HttpContext http, IClock clock, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!CalendarTokens.IsWellFormed(token))
        {
            return ApiProblems.NotFound("calendar feed");
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var row = await CalendarTokenStore.FindActiveByHashAsync(work, CalendarTokens.Hash(token), clock.GetCurrentInstant(), ct);
        if (row is null || !await FeedValidity.StillValidAsync(work, row, ct))
        {
            return ApiProblems.NotFound("calendar feed");
        }

        var since = clock.GetCurrentInstant() - History;
        string text;
        IReadOnlyList<FeedEventRow> events;
        if (row.PersonId is { } personId)
        {
            var person = await PersonStore.FindAsync(work, personId, ct);
            events = await FeedStore.OfPersonAsync(work, personId, since, ct);
            text = CalendarFeedWriter.Write($"{DutyWords.Duty} · {person?.Name}", events, namePeople: false, withPhones: true);
        }
        else
        {
            var unit = await UnitStore.FindAsync(work, row.UnitId!.Value, ct);
            events = await FeedStore.OfUnitAsync(work, row.UnitId!.Value, since, ct);
            // A unit's feed is shared more widely than a person's own: it names who is on duty but carries no phone numbers.
            text = CalendarFeedWriter.Write($"值班表 Duty roster · {DutyWords.Both(unit?.Name ?? "", unit?.NameEn)}", events, namePeople: true, withPhones: false);
        }

        // The address is a credential: keep it and the feed out of shared caches.
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var lastModified = events.Select(e => e.PublishedAt).Max() ?? row.CreatedAt;
        return FeedValidators.Answer(http, Encoding.UTF8.GetBytes(text), lastModified);
    }
}
