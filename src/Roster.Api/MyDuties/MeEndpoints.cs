using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.CheckIns;
using Roster.Api.Problems;
using Roster.Core.Duty;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.MyDuties;

/// <summary>What the signed-in duty staff member needs every day: their next duties.</summary>
internal static class MeEndpoints
{
    public static void MapMe(this IEndpointRouteBuilder api) => api.MapGet("/me/duties", DutiesAsync).WithTags("Me");

    /// <summary>My published duties on dates from <c>from</c> (default yesterday) to <c>to</c> (default 30 days on), both included.</summary>
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

        var duties = new List<MyDutyResponse>();
        var units = new Dictionary<Guid, (UnitRow Unit, CheckInWindow Window)>();
        foreach (var a in await AssignmentStore.PublishedOfPersonAsync(work, personId, dayFrom, dayTo, ct).ConfigureAwait(false))
        {
            var version = await RosterStore.FindAsync(work, a.RosterVersionId, ct).ConfigureAwait(false);
            if (version is null)
            {
                continue;
            }

            if (!units.TryGetValue(version.UnitId, out var u))
            {
                var unit = await UnitStore.FindAsync(work, version.UnitId, ct).ConfigureAwait(false);
                var settings = await DutySettingsStore.ForUnitAsync(work, version.UnitId, ct).ConfigureAwait(false);
                u = (unit!, new CheckInWindow(settings.CheckInOpensBefore.ToDuration(), settings.CheckInClosesAfter.ToDuration()));
                units[version.UnitId] = u;
            }

            var checkIn = await CheckInStore.ForSlotAsync(work, version.UnitId, version.PeriodId, a.SlotKey, ct).ConfigureAwait(false);
            var handover = await CheckInStore.HandoverBeforeAsync(work, version.UnitId, a.Role, a.StartsAt, ct).ConfigureAwait(false);
            var window = u.Window.For(a.StartsAt);
            duties.Add(new MyDutyResponse(version.PeriodId, version.UnitId, u.Unit.Name, u.Unit.TimeZone, a.SlotKey, a.ShiftCode, a.Role,
                a.DutyDate, a.StartsAt, a.EndsAt, window.Start, window.End, checkIn is null ? null : CheckInResponse.From(checkIn),
                handover?.HandoverNote));
        }

        return TypedResults.Ok<IReadOnlyList<MyDutyResponse>>(duties);
    }
}
