using System.Text.Json;
using NodaTime;
using Roster.Core.Model;
using Roster.Core.Rules;
using Roster.Core.Storage.Generation;

namespace Roster.Core.Storage.Rosters;

/// <summary>Hand edits go to the unit's draft; the first edit after a publish starts a draft as a copy of it.</summary>
public static class Drafts
{
    public static async Task<RosterVersionRow> EnsureAsync(DbWork work, Guid periodId, Guid unitId, Instant now, CancellationToken ct)
    {
        var draft = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct);
        if (draft is not null)
        {
            return draft;
        }

        var published = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Published, ct);
        draft = await RosterStore.InsertDraftAsync(work, periodId, unitId, published?.Id, null,
            published?.Unfilled ?? "[]", published?.Score ?? "{}", now, ct);
        if (published is not null)
        {
            await AssignmentStore.CopyAsync(work, published.Id, draft.Id, ct);
        }

        return draft;
    }

    public static Dictionary<string, string> ToMap(IEnumerable<AssignmentRow> rows) =>
        rows.ToDictionary(a => a.SlotKey, a => a.PersonId.ToString(), StringComparer.Ordinal);

    /// <summary>Explains again every required slot left empty in the draft, and stores the list with the score.</summary>
    public static async Task<int> RefreshUnfilledAsync(
        DbWork work, RosterVersionRow draft, RosterInputs inputs, IReadOnlyDictionary<string, string> map, JsonSerializerOptions options,
        CancellationToken ct)
    {
        var unfilled = inputs.Problem.Slots
            .Where(s => !s.Optional && !map.ContainsKey(s.Id))
            .Select(s => UnfilledViews.Unfilled(s.Id, RosterValidator.Explain(inputs.Problem, map, s.Id), inputs))
            .ToList();
        var report = RosterValidator.Validate(inputs.Problem, map);
        await RosterStore.SetUnfilledAsync(work, draft.Id, JsonSerializer.Serialize(unfilled, options),
            JsonSerializer.Serialize(report.ScoreByRule, options), ct);
        return unfilled.Count;
    }
}
