using System.Text.Json;
using Roster.Core.Oversight;
using Roster.Core.Storage;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Submissions;

namespace Roster.Api.Submissions;

/// <summary>Builds submission responses, with the changes since a returned submission.</summary>
internal static class SubmissionViews
{
    public static async Task<SubmissionResponse> ToResponseAsync(DbWork work, SubmissionRow row, JsonSerializerOptions json, CancellationToken ct)
    {
        var previous = await SubmissionStore.PreviousAsync(work, row.PeriodId, row.UnitId, row.Number, ct);
        SubmissionChanges? changes = null;
        if (previous is not null && previous.State == SubmissionState.Returned)
        {
            var diff = RosterDiff.Between(previous.Number, Rows(previous.Snapshot), row.Number, Rows(row.Snapshot));
            changes = new SubmissionChanges(previous.Number, row.Number, diff.Added, diff.Removed, diff.Changed);
        }

        return new SubmissionResponse(row.Id, row.PeriodId, row.UnitId, row.Number, row.State.Code, row.RosterVersionId, row.Note, row.SubmittedAt,
            row.SubmittedBy, row.DecidedAt, row.DecidedBy, row.DecisionNote,
            JsonSerializer.Deserialize<List<ReturnComment>>(row.Comments, json) ?? [], row.PublishedVersionId, changes);
    }

    /// <summary>The assignments of a version as a snapshot: slot key → person id.</summary>
    public static string Snapshot(IEnumerable<AssignmentRow> rows) => JsonSerializer.Serialize(Drafts.ToMap(rows));

    /// <summary>True when the draft's assignments are exactly those submitted.</summary>
    public static bool Unchanged(string snapshot, IEnumerable<AssignmentRow> rows)
    {
        var submitted = Map(snapshot);
        var now = Drafts.ToMap(rows);
        return submitted.Count == now.Count && now.All(a => submitted.TryGetValue(a.Key, out var p) && p == a.Value);
    }

    private static Dictionary<string, string> Map(string snapshot) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(snapshot) ?? [];

    private static List<AssignmentRow> Rows(string snapshot) =>
        Map(snapshot).Select(p => new AssignmentRow { SlotKey = p.Key, PersonId = Guid.Parse(p.Value) }).ToList();
}
