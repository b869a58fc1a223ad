using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.CheckIns;
using Roster.Api.Problems;
using Roster.Core.Duty;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Duty;

namespace Roster.Api.MyDuties;

/// <summary>What the signed-in duty staff member needs every day: their next duties.</summary>
internal static class MeEndpoints
{
    public static void MapMe(this IEndpointRouteBuilder api) => api.MapGet("/me/duties", DutiesAsync).WithTags("Me")
        .Produces(StatusCodes.Status304NotModified);

    /// <summary>
    /// My published duties on dates from <c>from</c> (default yesterday) to <c>to</c> (default 30 days on), both included: one
    /// round trip, then from <see cref="ReadAnswers"/> (per person and dates) until something they read changes.
    /// </summary>
    private static async Task<Results<TaggedJson<IReadOnlyList<MyDutyResponse>>, ProblemHttpResult>> DutiesAsync(
        string? from, string? to, AccessScope access, IClock clock, NpgsqlDataSource db, ReadAnswers cache, IOptions<JsonOptions> json,
        HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = QueryValues.Date(errors, "from", from);
        var last = QueryValues.Date(errors, "to", to);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var options = json.Value.SerializerOptions;
        var today = clock.GetCurrentInstant().InUtc().Date;
        var dayFrom = first ?? today.PlusDays(-1);
        var dayTo = last ?? today.PlusDays(30);
        // The person comes from this request's session read; the answer depends on nothing but the person and the dates.
        var session = http.Features.Get<RequestSession>();
        var request = session?.PersonId is { } known ? FormattableString.Invariant($"me-duties|{known:N}|{dayFrom:R}|{dayTo:R}") : null;
        if (request is not null && cache.Find<IReadOnlyList<MyDutyResponse>>(session!, request) is { } cached)
        {
            return cached;
        }

        var generation = cache.Generation;
        await using var work = await DbWork.BeginAsync(db, ct);
        if (await access.PersonIdAsync(work, ct) is not { } personId)
        {
            return TaggedJson<IReadOnlyList<MyDutyResponse>>.Of([], options);
        }

        if (dayTo < dayFrom || Period.DaysBetween(dayFrom, dayTo) > 400)
        {
            return ApiProblems.Invalid("to", "must be on or after from and within 400 days of it");
        }

        var (rows, checkIns) = await MyDutyStore.OfPersonAsync(work, personId, dayFrom, dayTo, ct);
        var checkInOf = checkIns.ToDictionary(c => (c.UnitId, c.PeriodId, c.SlotKey));
        var defaults = new DutySettingsRow();
        var duties = rows.Select(a =>
        {
            var window = new CheckInWindow((a.CheckInOpensBefore ?? defaults.CheckInOpensBefore).ToDuration(),
                (a.CheckInClosesAfter ?? defaults.CheckInClosesAfter).ToDuration()).For(a.StartsAt);
            var checkIn = checkInOf.GetValueOrDefault((a.UnitId, a.PeriodId, a.SlotKey));
            return new MyDutyResponse(a.PeriodId, a.UnitId, a.UnitName, a.TimeZone, a.SlotKey, a.ShiftCode, a.Role, a.DutyDate,
                a.StartsAt, a.EndsAt, window.Start, window.End, checkIn is null ? null : CheckInResponse.From(checkIn), a.PreviousHandoverNote);
        }).ToList();

        var answer = TaggedJson<IReadOnlyList<MyDutyResponse>>.Of(duties, options);
        if (request is not null)
        {
            cache.Store(session!, request, generation, answer);
        }

        return answer;
    }
}
