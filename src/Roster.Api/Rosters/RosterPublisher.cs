using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Core.Rules;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>
/// Publishing a unit's draft: shared by the publish endpoint and by the approval of a submitted roster, so both apply
/// the same hard-rule check, refresh of unfilled slots, diff and audit.
/// </summary>
internal static class RosterPublisher
{
    /// <summary>The draft's hard-rule violations not explained by a forced assignment, as a 422; null when it may be published.</summary>
    public static async Task<ProblemHttpResult?> CheckAsync(
        DbWork work, PeriodRow period, UnitRow unit, RosterVersionRow draft, CancellationToken ct)
    {
        var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, "published", ct);
        var inputs = await ProblemLoader.LoadAsync(work, period, unit, draft, published, ct);
        var rows = await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        return Violations(inputs, rows);
    }

    /// <summary>Publishes the unit's draft as <paramref name="actorId"/>; the caller commits.</summary>
    public static async Task<(PublishResponse? Published, ProblemHttpResult? Problem)> PublishDraftAsync(
        DbWork work, PeriodRow period, UnitRow unit, Guid actorId, Auditor audit, IClock clock, JsonSerializerOptions json, CancellationToken ct)
    {
        var draft = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, "draft", ct);
        if (draft is null)
        {
            return (null, ApiProblems.Conflict("There is no draft to publish; generate or edit the roster first."));
        }

        var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, "published", ct);
        var inputs = await ProblemLoader.LoadAsync(work, period, unit, draft, published, ct);
        var rows = await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        if (Violations(inputs, rows) is { } problem)
        {
            return (null, problem);
        }

        var before = published is null ? [] : await AssignmentStore.OfVersionAsync(work, published.Id, ct);
        var now = clock.GetCurrentInstant();
        await Drafts.RefreshUnfilledAsync(work, draft, inputs, Drafts.ToMap(rows), json, ct);
        var version = await RosterStore.PublishAsync(work, draft, actorId, now, ct);
        await PublishedRosterChanges.AfterPublishAsync(work, version, now, ct);
        var diff = RosterDiff.Between(published?.Number, before, version.Number, rows);
        await audit.RecordAsync(work, unit.Id, "roster", version.Id, "publish",
            published is null ? null : RosterVersionResponse.From(published), new { version = version.Number, diff }, ct);
        return (new PublishResponse(RosterVersionResponse.From(version), diff), null);
    }

    private static ProblemHttpResult? Violations(RosterInputs inputs, IReadOnlyList<AssignmentRow> rows)
    {
        var forced = rows.Where(r => r.Forced).Select(r => r.SlotKey).ToHashSet(StringComparer.Ordinal);
        var report = RosterValidator.Validate(inputs.Problem, Drafts.ToMap(rows));
        var unexplained = report.HardViolations.Where(v => !v.SlotIds.Any(forced.Contains)).ToList();
        return unexplained.Count == 0
            ? null
            : TypedResults.Problem(statusCode: 422, title: "The draft breaks hard rules",
                detail: "Fix these, or force them with a reason, before publishing.",
                extensions: new Dictionary<string, object?> { ["violations"] = unexplained.Select(RosterViews.Violation).ToList() });
    }
}
