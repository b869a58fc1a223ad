using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Model;
using Roster.Core.Oversight;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>Reading roster versions, comparing them, and publishing the draft.</summary>
internal static class RosterEndpoints
{
    public static void MapRosters(this ApiGroups groups)
    {
        var group = groups.Roster.MapGroup("").WithTags("Rosters");
        group.MapGet("/roster", GetAsync);
        group.MapGet("/roster/versions", VersionsAsync);
        group.MapGet("/roster/diff", DiffAsync);
        group.MapPost("/roster:publish", PublishAsync).Administered();
    }

    /// <summary><c>version</c>: draft, published, a number, or absent (the draft if there is one, else the published roster).</summary>
    private static async Task<Results<Ok<RosterResponse>, ProblemHttpResult>> GetAsync(
        [AsParameters] RosterCall call, string? version, string? from, string? to, HttpResponse response,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = QueryValues.Date(errors, "from", from);
        var last = QueryValues.Date(errors, "to", to);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, period, periodId, unitId) = (call.Work, call.Period, call.PeriodId, call.UnitId);
        if ((await FindVersionAsync(work, periodId, unitId, version, ct)).Failed(out var versionProblem, out var row))
        {
            return versionProblem;
        }

        response.Headers.ETag = RosterETags.Of(row);
        var dayFrom = first ?? period.FirstDay;
        var dayTo = last ?? period.LastDay;
        var assignments = await AssignmentStore.OfVersionOnDatesAsync(work, row.Id, dayFrom, dayTo, ct);
        var people = (await ProblemLoaderPeople.ForUnitAsync(work, unitId, ct));
        var unfilled = (JsonSerializer.Deserialize<List<UnfilledResponse>>(row.Unfilled, json.Value.SerializerOptions) ?? [])
            .Where(u => u.Date >= dayFrom && u.Date <= dayTo).ToList();
        var presence = DutyPresence.Lookup((await ShiftStore.AllAsync(work, periodId, ct)).Select(s => (s.Code, s.Presence)));
        var standby = (await StandbyStore.OfVersionAsync(work, row.Id, ct))
            .Where(s => s.DutyDate >= dayFrom && s.DutyDate <= dayTo).Select(s => StandbyResponse.From(s, people)).ToList();
        using var score = JsonDocument.Parse(row.Score);
        return TypedResults.Ok(new RosterResponse(row.Id, row.Number, row.Status.Code, periodId, unitId, row.BasedOnId, row.CreatedAt,
            row.PublishedAt, assignments.Select(a => AssignmentResponse.From(a, people) with { Presence = presence(a.ShiftCode, a.Role) }).ToList(), unfilled,
            score.RootElement.Clone(), standby));
    }

    private static async Task<Results<Ok<Page<RosterVersionResponse>>, ProblemHttpResult>> VersionsAsync(
        [AsParameters] RosterCall call, string? limit, string? after, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var pageProblem))
        {
            return pageProblem;
        }

        if (page.After is not null && page.AfterNumber is null)
        {
            return ApiProblems.Invalid("after", "is not a cursor returned by this list");
        }

        var rows = await RosterStore.ListAsync(call.Work, call.PeriodId, call.UnitId, (int?)page.AfterNumber, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Number.ToString(CultureInfo.InvariantCulture), RosterVersionResponse.From));
    }

    /// <summary>Differences from version <c>from</c> to version <c>to</c>; by default from the published roster to the draft.</summary>
    private static async Task<Results<Ok<RosterDiff>, ProblemHttpResult>> DiffAsync(
        [AsParameters] RosterCall call, string? from, string? to, CancellationToken ct)
    {
        var work = call.Work;
        var olderFound = await FindVersionAsync(work, call.PeriodId, call.UnitId, from ?? RosterStatus.Published.Code, ct, "from");
        if ((await FindVersionAsync(work, call.PeriodId, call.UnitId, to ?? RosterStatus.Draft.Code, ct, "to")).Failed(out var newerProblem, out var newer))
        {
            return newerProblem;
        }

        // Without a published roster, the default comparison is with nothing.
        if (olderFound.Failed(out var olderProblem, out var older) && from is not null)
        {
            return olderProblem;
        }

        var before = older is null ? [] : await AssignmentStore.OfVersionAsync(work, older.Id, ct);
        var after = await AssignmentStore.OfVersionAsync(work, newer.Id, ct);
        return TypedResults.Ok(RosterDiff.Between(older?.Number, before, newer.Number, after));
    }

    private static async Task<Results<Ok<PublishResponse>, ProblemHttpResult>> PublishAsync(
        [AsParameters] RosterCall call, Auditor audit, IClock clock, HttpContext http,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (work, period, periodId, unitId) = (call.Work, call.Period, call.PeriodId, call.UnitId);
        if (period.RequiresApproval)
        {
            return ApiProblems.Conflict(
                "This period requires the unit above to approve the roster: submit it (roster:submit); approval publishes it.");
        }

        await RosterStore.LockAsync(work, periodId, unitId, ct);
        var draft = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct);
        if (draft is not null && !ETags.MatchesTag(http.Request, RosterETags.Of(draft)))
        {
            return ApiProblems.Stale();
        }

        var publish = await RosterPublisher.PublishDraftAsync(
            work, period, call.Unit, call.Access.AccountId, audit, clock, json.Value.SerializerOptions, ct);
        return publish.Failed(out var problem, out var published) ? problem : TypedResults.Ok(published);
    }

    internal static async Task<Found<RosterVersionRow>> FindVersionAsync(
        DbWork work, Guid periodId, Guid unitId, string? version, CancellationToken ct, string field = "version")
    {
        RosterVersionRow? row;
        switch (version)
        {
            case null:
                row = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct)
                    ?? await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Published, ct);
                break;
            case not null when VersionNames.StatusOf(version) is { } status:
                row = await RosterStore.FindByStatusAsync(work, periodId, unitId, status, ct);
                break;
            default:
                if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    return ApiProblems.Invalid(field, "must be draft, published or a version number");
                }

                row = await RosterStore.FindByNumberAsync(work, periodId, unitId, number, ct);
                break;
        }

        return row is null ? ApiProblems.NotFound("roster version") : row;
    }
}
