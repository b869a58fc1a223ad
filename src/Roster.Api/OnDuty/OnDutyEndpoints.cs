using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Gaps;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Duty;

namespace Roster.Api.OnDuty;

/// <summary>
/// Who is on duty now (当前在岗): the bureau office's most frequent lookup, answered from three SQL statements in one
/// round trip after the caller's grants, whatever the size of the subtree, and then from <see cref="OnDutyBoardCache"/>
/// until something it read changes or an assignment starts or ends.
/// </summary>
internal static class OnDutyEndpoints
{
    public static void MapOnDuty(this IEndpointRouteBuilder api) => api.MapGet("/on-duty", GetAsync).WithTags("Duty");

    /// <summary>
    /// For every unit of <c>unit</c>'s subtree that keeps a published roster around <c>at</c> (default now) and that the
    /// account oversees: the duty office's phone and the leader and staff on duty at that instant, with their phones,
    /// on_site or reachable, and whether they have checked in, then who stands by (备班). A unit with nobody on duty is listed with none.
    /// </summary>
    private static async Task<Results<OnDutyJson, ProblemHttpResult>> GetAsync(
        Guid? unit, string? at, AccessScope access, IClock clock, NpgsqlDataSource db, OnDutyBoardCache cache,
        IOptions<JsonOptions> json, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var unitId = errors.Required("unit", unit);
        var instant = InstantQuery.Parse(errors, "at", at) ?? clock.GetCurrentInstant();
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        // The key holds the grants and tree revision this request's session check read: a hit passed the 404 check below.
        var session = http.Features.Get<RequestSession>();
        if (session is not null && cache.Find(session, unitId, instant) is { } cached)
        {
            return new OnDutyJson(instant, cached);
        }

        var generation = cache.Generation;
        await using var work = await DbWork.BeginAsync(db, ct);
        var overseen = await access.OverseenAsync(work, ct);
        if (!overseen.Contains(unitId))
        {
            return ApiProblems.NotFound("unit");
        }

        var board = await OnDutyBoardStore.AtAsync(work, unitId, overseen, instant, ct);
        var byUnit = board.People.ToLookup(p => p.UnitId);
        var items = board.Units.Select(u => new OnDutyUnitResponse(u.UnitId, u.Code, u.Name, u.NameEn, u.DutyPhone,
            byUnit[u.UnitId].Where(p => !p.Standby).Select(Person).ToList(),
            byUnit[u.UnitId].Where(p => p.Standby).Select(Person).ToList())).ToList();
        var units = new OnDutyBody(JsonSerializer.SerializeToUtf8Bytes(items, json.Value.SerializerOptions));
        if (session is not null)
        {
            cache.Store(session, unitId, generation, board.ValidAt, units);
        }

        return new OnDutyJson(instant, units);
    }

    private static OnDutyPersonResponse Person(OnDutyPersonRow p) => new(p.PersonId, p.PersonName, p.Phone, p.Role, p.ShiftCode, p.SlotKey,
        p.PeriodId, p.StartsAt, p.EndsAt, p.Presence, p.CheckedInAt is not null, p.CheckedInAt, p.Late);
}
