using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>
/// Hand edits of standby (备班) in the draft, under the same If-Match and hard checks as a duty set by hand: the person
/// belongs to the unit, holds the role, may by employment type, is not on leave and is not busy at the time (a duty or
/// another standby), and breaks no rule that counts standby. One transaction, audited; the answer carries the draft's ETag.
/// </summary>
internal static class StandbyEditEndpoints
{
    public static void MapStandbyEdits(this ApiGroups groups)
    {
        var group = groups.Roster.MapGroup("").WithTags("Rosters");
        group.MapGet("/roster/standby-slots", SlotsAsync);
        group.MapPut("/roster/standby", SetAsync).Administered();
        group.MapDelete("/roster/standby", ClearAsync).Administered();
    }

    /// <summary>The standby slots on dates <c>from</c> to <c>to</c> (both included; default the period) with who stands by in
    /// each, in the draft if there is one, else in the published roster.</summary>
    private static async Task<Results<Ok<IReadOnlyList<StandbySlotResponse>>, ProblemHttpResult>> SlotsAsync(
        [AsParameters] RosterCall call, string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = QueryValues.Date(errors, "from", from);
        var last = QueryValues.Date(errors, "to", to);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, period, periodId, unitId) = (call.Work, call.Period, call.PeriodId, call.UnitId);
        var range = RequiredSlots.Clip(period, first ?? period.FirstDay, last ?? period.LastDay);
        if (range is null)
        {
            return TypedResults.Ok<IReadOnlyList<StandbySlotResponse>>([]);
        }

        var slots = await RequiredSlots.ExpandStandbyAsync(work, period, call.Unit, range, ct);
        var version = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct)
            ?? await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Published, ct);
        var held = version is null ? [] : (await StandbyStore.OfVersionAsync(work, version.Id, ct))
            .ToDictionary(s => s.SlotKey, StringComparer.Ordinal);
        var people = await ProblemLoaderPeople.ForUnitAsync(work, unitId, ct);
        return TypedResults.Ok<IReadOnlyList<StandbySlotResponse>>(slots.Select(s =>
        {
            var holder = held.GetValueOrDefault(s.Key);
            return new StandbySlotResponse(s.Key, s.ShiftCode, s.Role, s.Date, s.Start, s.End, holder?.PersonId,
                holder is null ? null : people.GetValueOrDefault(holder.PersonId)?.Name ?? "", holder?.SteppedInSlot);
        }).ToList());
    }

    private static async Task<Results<Ok<StandbyEditResponse>, ProblemHttpResult>> SetAsync(
        [AsParameters] RosterCall call, StandbyRequest request, Auditor audit, IClock clock, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var slotKey = errors.Text("slotKey", request.SlotKey, 100);
        var personId = errors.Required("personId", request.PersonId);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = call.Work;
        if ((await DraftEdits.BeginAsync(call, http.Request, clock.GetCurrentInstant(), ct)).Failed(out var stale, out var edit))
        {
            return stale;
        }

        var draft = edit.Draft;
        var inputs = await ProblemLoader.LoadAsync(work, call.Period, call.Unit, draft, edit.Published, ct);
        var engineId = RosterInputs.StandbyPrefix + slotKey;
        var slot = inputs.Problem.StandbySlots.FirstOrDefault(s => s.Id == engineId);
        if (slot is null || !inputs.StandbySlots.TryGetValue(engineId, out var need))
        {
            return ApiProblems.Invalid("slotKey", "is not a standby slot of this period and unit");
        }

        var person = inputs.Problem.People.FirstOrDefault(p => p.Id == personId.ToString());
        if (person is null)
        {
            return ApiProblems.Invalid("personId", "is not an active person of this unit");
        }

        var duties = Drafts.ToMap(await AssignmentStore.OfVersionAsync(work, draft.Id, ct));
        var rows = await StandbyStore.OfVersionAsync(work, draft.Id, ct);
        var standby = rows.ToDictionary(s => RosterInputs.StandbyPrefix + s.SlotKey, s => s.PersonId.ToString(), StringComparer.Ordinal);
        if (StandbyPlanner.Refusal(inputs.Problem, duties, standby, slot, person) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The change breaks hard rules",
                detail: $"{inputs.People[personId].Name} may not stand by in {slotKey}: {refusal.Message} ({refusal.RuleType})",
                extensions: new Dictionary<string, object?>
                {
                    ["rule"] = refusal.RuleType,
                    ["errors"] = new Dictionary<string, string[]> { ["personId"] = [$"{refusal.RuleType}: {refusal.Message}"] },
                });
        }

        var previous = rows.FirstOrDefault(r => r.SlotKey == slotKey);
        var saved = await StandbyStore.UpsertAsync(work, new StandbyRow
        {
            RosterVersionId = draft.Id, SlotKey = slotKey, ShiftCode = need.ShiftCode, Role = need.Role, DutyDate = need.Date,
            PersonId = personId, StartsAt = need.Start, EndsAt = need.End, Source = "manual",
        }, ct);
        var body = StandbyResponse.From(saved, inputs.People);
        await audit.RecordAsync(work, call.UnitId, "standby", $"{draft.Id}/{slotKey}", "assign",
            previous is null ? null : StandbyResponse.From(previous, inputs.People), body, ct);
        await DraftEdits.FinishAsync(work, draft, http.Response, ct);
        return TypedResults.Ok(new StandbyEditResponse(draft.Id, body));
    }

    /// <summary>Clears the standby of <c>slot</c> in the draft.</summary>
    private static async Task<Results<Ok<StandbyEditResponse>, ProblemHttpResult>> ClearAsync(
        [AsParameters] RosterCall call, string? slot, Auditor audit, IClock clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slot) || slot.Length > 100)
        {
            return ApiProblems.Invalid("slot", "is required: the key of the standby slot to clear");
        }

        var work = call.Work;
        if ((await DraftEdits.BeginAsync(call, http.Request, clock.GetCurrentInstant(), ct)).Failed(out var stale, out var edit))
        {
            return stale;
        }

        var draft = edit.Draft;
        var previous = (await StandbyStore.OfVersionAsync(work, draft.Id, ct)).FirstOrDefault(r => r.SlotKey == slot);
        if (previous is null)
        {
            return ApiProblems.NotFound("standby");
        }

        await StandbyStore.DeleteAsync(work, draft.Id, slot, ct);
        var people = await ProblemLoaderPeople.ForUnitAsync(work, call.UnitId, ct);
        await audit.RecordAsync(work, call.UnitId, "standby", $"{draft.Id}/{slot}", "clear", StandbyResponse.From(previous, people), null, ct);
        await DraftEdits.FinishAsync(work, draft, http.Response, ct);
        return TypedResults.Ok(new StandbyEditResponse(draft.Id, null));
    }
}
