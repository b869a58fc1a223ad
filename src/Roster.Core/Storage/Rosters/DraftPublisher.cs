using Roster.Core.Model;
using System.Text.Json;
using NodaTime;
using Roster.Core.Rules;
using Roster.Core.Storage.Generation;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Rosters;

/// <summary>
/// Publishing a unit's draft: shared by the publish endpoint and by the approval of a submitted roster, so both apply
/// the same hard-rule check, refresh of unfilled slots and diff.
/// </summary>
public static class DraftPublisher
{
    /// <summary>The draft's hard-rule violations not explained by a forced assignment; empty when it may be published.</summary>
    public static async Task<IReadOnlyList<RuleViolation>> CheckAsync(
        DbWork work, PeriodRow period, UnitRow unit, RosterVersionRow draft, CancellationToken ct)
    {
        var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, RosterStatus.Published, ct);
        var inputs = await ProblemLoader.LoadAsync(work, period, unit, draft, published, ct);
        var rows = await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        return Unexplained(inputs, rows);
    }

    /// <summary>
    /// Publishes the unit's draft as <paramref name="actorId"/>, storing its unfilled slots and score with
    /// <paramref name="json"/>; the caller commits.
    /// </summary>
    public static async Task<PublishOutcome> PublishAsync(
        DbWork work, PeriodRow period, UnitRow unit, Guid actorId, IClock clock, JsonSerializerOptions json, CancellationToken ct)
    {
        var draft = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, RosterStatus.Draft, ct);
        if (draft is null)
        {
            return new PublishOutcome.NoDraft();
        }

        var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, RosterStatus.Published, ct);
        var inputs = await ProblemLoader.LoadAsync(work, period, unit, draft, published, ct);
        var rows = await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        if (Unexplained(inputs, rows) is { Count: > 0 } broken)
        {
            return new PublishOutcome.Broken(broken);
        }

        var before = published is null ? [] : await AssignmentStore.OfVersionAsync(work, published.Id, ct);
        var now = clock.GetCurrentInstant();
        await Drafts.RefreshUnfilledAsync(work, draft, inputs, Drafts.ToMap(rows), json, ct);
        var version = await RosterStore.PublishAsync(work, draft, actorId, now, ct);
        await PublishedRosterChanges.AfterPublishAsync(work, version, now, ct);
        var diff = RosterDiff.Between(published?.Number, before, version.Number, rows);
        return new PublishOutcome.Published(published, version, diff);
    }

    private static List<RuleViolation> Unexplained(RosterInputs inputs, IReadOnlyList<AssignmentRow> rows)
    {
        var forced = rows.Where(r => r.Forced).Select(r => r.SlotKey).ToHashSet(StringComparer.Ordinal);
        var report = RosterValidator.Validate(inputs.Problem, Drafts.ToMap(rows));
        return report.HardViolations.Where(v => !v.SlotIds.Any(forced.Contains)).ToList();
    }
}
