using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.CheckIns;
using Roster.Api.Problems;
using Roster.Core.Duty;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;

namespace Roster.Api.MyDuties;

/// <summary>What the signed-in duty staff member needs every day: their next duties.</summary>
internal static class MeEndpoints
{
    public static void MapMe(this IEndpointRouteBuilder api) => api.MapGet("/me/duties", DutiesAsync).WithTags("Me");

    /// <summary>My published duties on dates from <c>from</c> (default yesterday) to <c>to</c> (default 30 days on), both included: one round trip.</summary>
    private static async Task<Results<Ok<IReadOnlyList<MyDutyResponse>>, ProblemHttpResult>> DutiesAsync(
        string? from, string? to, AccessScope access, IClock clock, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = QueryValues.Date(errors, "from", from);
        var last = QueryValues.Date(errors, "to", to);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        await using var work = await DbWork.BeginAsync(db, ct).ConfigureAwait(false);
        if (await access.PersonIdAsync(work, ct).ConfigureAwait(false) is not { } personId)
        {
            return TypedResults.Ok<IReadOnlyList<MyDutyResponse>>([]);
        }

        var today = clock.GetCurrentInstant().InUtc().Date;
        var dayFrom = first ?? today.PlusDays(-1);
        var dayTo = last ?? today.PlusDays(30);
        if (dayTo < dayFrom || Period.DaysBetween(dayFrom, dayTo) > 400)
        {
            return ApiProblems.Invalid("to", "must be on or after from and within 400 days of it");
        }

        var (rows, checkIns) = await MyDutyStore.OfPersonAsync(work, personId, dayFrom, dayTo, ct).ConfigureAwait(false);
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

        return TypedResults.Ok<IReadOnlyList<MyDutyResponse>>(duties);
    }
}
