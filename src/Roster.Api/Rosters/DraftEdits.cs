using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Problems;
using Roster.Core.Model;
using Roster.Core.Storage;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>
/// The start of every hand edit: the roster's lock is taken before anything is read, so two edits of one draft run one
/// after the other and each is validated against what the other wrote (no write skew, no lost update).
/// </summary>
internal static class DraftEdits
{
    /// <summary>The unit's draft (started now if there is none) and its published roster; a 412 when If-Match is stale.</summary>
    public static async Task<(RosterVersionRow? Draft, RosterVersionRow? Published, ProblemHttpResult? Problem)> BeginAsync(
        DbWork work, Guid periodId, Guid unitId, HttpRequest request, Instant now, CancellationToken ct)
    {
        await RosterStore.LockAsync(work, periodId, unitId, ct);
        var draft = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct);
        var published = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Published, ct);
        if (!RosterETags.Matches(request, draft, published))
        {
            return (null, null, ApiProblems.Stale());
        }

        draft ??= await Drafts.EnsureAsync(work, periodId, unitId, now, ct);
        return (draft, published, null);
    }

    /// <summary>Counts the change on the draft and answers its new ETag.</summary>
    public static async Task FinishAsync(DbWork work, RosterVersionRow draft, HttpResponse response, CancellationToken ct)
    {
        var revision = await RosterStore.BumpRevisionAsync(work, draft.Id, ct);
        RosterETags.Set(response, draft.Number, revision);
    }
}
