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
    public static async Task<Found<DraftEdit>> BeginAsync(RosterCall call, HttpRequest request, Instant now, CancellationToken ct)
    {
        var (work, periodId, unitId) = (call.Work, call.PeriodId, call.UnitId);
        await RosterStore.LockAsync(work, periodId, unitId, ct);
        var draft = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct);
        var published = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Published, ct);
        if (!RosterETags.Matches(request, draft, published))
        {
            return ApiProblems.Stale();
        }

        draft ??= await Drafts.EnsureAsync(work, periodId, unitId, now, ct);
        return new DraftEdit(draft, published);
    }

    /// <summary>Counts the change on the draft and answers its new ETag.</summary>
    public static async Task FinishAsync(DbWork work, RosterVersionRow draft, HttpResponse response, CancellationToken ct)
    {
        var revision = await RosterStore.BumpRevisionAsync(work, draft.Id, ct);
        RosterETags.Set(response, draft.Number, revision);
    }
}
