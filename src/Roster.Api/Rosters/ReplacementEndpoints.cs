using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Model;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>Filling a slot of the published roster: who could take it, best first, and taking one of them in one call.</summary>
internal static class ReplacementEndpoints
{
    public static void MapReplacements(this ApiGroups groups)
    {
        // Ranking validates the whole roster once per candidate: a tool of the unit's administrators, not of every reader.
        groups.Roster.MapGet("/roster/candidates", CandidatesAsync).WithTags("Rosters").Administered();
        groups.Roster.MapPost("/roster/replacements", ReplaceAsync).WithTags("Rosters").Administered();
    }

    private static async Task<Results<Ok<IReadOnlyList<ReplacementCandidate>>, ProblemHttpResult>> CandidatesAsync(
        [AsParameters] RosterCall call, string? slot, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slot) || slot.Length > 100)
        {
            return ApiProblems.Invalid("slot", "is required: the key of the slot to fill");
        }

        return TypedResults.Ok(await Replacements.RankAsync(call.Work, call.Period, call.Unit, slot, ct));
    }

    private static async Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> ReplaceAsync(
        [AsParameters] RosterCall call, ReplacementRequest request, Auditor audit, IClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var slotKey = errors.Text("slotKey", request.SlotKey, 100);
        var personId = errors.Required("personId", request.PersonId);
        var urgent = request.Urgent ?? false;
        var reason = errors.OptionalText("reason", request.Reason, 500);
        if (urgent && reason is null)
        {
            errors.Add("reason", "is required when urgent is true");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, period, unit, periodId, unitId) = (call.Work, call.Period, call.Unit, call.PeriodId, call.UnitId);
        if (ApprovalGate.Refuse(period, urgent) is { } gate)
        {
            return gate;
        }

        await RosterStore.LockAsync(work, periodId, unitId, ct);
        var published = await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Published, ct);
        if (published is null)
        {
            return ApiProblems.Conflict("The roster is not published yet; edit the draft instead.");
        }

        var inputs = await ProblemLoader.LoadAsync(work, period, unit, null, published, ct);
        if (!inputs.Slots.TryGetValue(slotKey, out var slot))
        {
            return ApiProblems.Invalid("slotKey", "is not a slot of this period and unit");
        }

        var rows = await AssignmentStore.OfVersionAsync(work, published.Id, ct);
        var standby = await StandbyStore.PublishedForSlotAsync(work, periodId, unitId, slotKey, ct);
        var standing = standby.Where(s => s.SteppedInAt is null).Select(s => s.PersonId.ToString()).ToHashSet(StringComparer.Ordinal);
        if (!Replacements.Rank(inputs, Drafts.ToMap(rows), slotKey, standing).Any(c => c.PersonId == personId))
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add("personId", "cannot take this slot without breaking a hard rule; see the candidates"));
        }

        var now = clock.GetCurrentInstant();
        var live = await RosterStore.RepublishCopyAsync(work, published, call.Access.AccountId, now, ct);
        var replacement = new AssignmentRow
        {
            RosterVersionId = live.Id, SlotKey = slotKey, ShiftCode = slot.ShiftCode, Role = slot.Role, DutyDate = slot.Date,
            PersonId = personId, StartsAt = slot.Start, EndsAt = slot.End, Source = "manual",
        };
        var saved = await AssignmentStore.UpsertAsync(work, replacement, ct);
        // The slot's standby taking it over is recorded on the standby too (the grid and feeds show it).
        if (standby.FirstOrDefault(s => s.SteppedInAt is null && s.PersonId == personId) is { } stepping)
        {
            await StandbyStore.MarkSteppedInAsync(work, live.Id, stepping.SlotKey, slotKey, now, ct);
        }
        // A pending draft must not undo the replacement when it is published later.
        if (await RosterStore.FindByStatusAsync(work, periodId, unitId, RosterStatus.Draft, ct) is { } draft)
        {
            await AssignmentStore.UpsertAsync(work, new AssignmentRow
            {
                RosterVersionId = draft.Id, SlotKey = slotKey, ShiftCode = slot.ShiftCode, Role = slot.Role, DutyDate = slot.Date,
                PersonId = personId, StartsAt = slot.Start, EndsAt = slot.End, Source = "manual",
            }, ct);
        }

        await PublishedRosterChanges.AfterPublishAsync(work, live, now, ct);
        var previous = rows.FirstOrDefault(r => r.SlotKey == slotKey);
        var body = AssignmentResponse.From(saved, inputs.People);
        var urgentChange = urgent && period.RequiresApproval;
        await audit.RecordAsync(work, unitId, "assignment", $"{live.Id}/{slotKey}", urgentChange ? "urgent-replace" : "replace",
            previous is null ? null : AssignmentResponse.From(previous, inputs.People), new { assignment = body, reason }, ct);
        await UrgentChanges.NotifyAboveAsync(work, period, unit, $"replace:{live.Id:N}/{slotKey}", $"顶班 replacement {slotKey}", reason ?? "", now, ct);
        return TypedResults.Ok(body);
    }
}
