using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Rules;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>Hand edits of the draft, checked by the validator, and a person's own duties.</summary>
internal static class AssignmentEndpoints
{
    public static void MapAssignments(this ApiGroups groups)
    {
        var group = groups.Roster.MapGroup("").WithTags("Rosters");
        group.MapPut("/roster/assignments", AssignAsync).Administered();
        group.MapDelete("/roster/assignments", ClearAsync).Administered();
        group.MapPost("/roster/pins", PinAsync).Administered();
        groups.Work.MapGet("/people/{personId:guid}/assignments", OfPersonAsync).WithTags("People");
    }

    private static async Task<Results<Ok<EditResponse>, ProblemHttpResult>> AssignAsync(
        [AsParameters] RosterCall call, AssignmentRequest request, Auditor audit, IClock clock, HttpContext http,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var slotKey = errors.Text("slotKey", request.SlotKey, 100);
        var personId = errors.Required("personId", request.PersonId);
        var force = request.Force ?? false;
        var reason = errors.OptionalText("reason", request.Reason, 500);
        if (force && reason is null)
        {
            errors.Add("reason", "is required when force is true");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = call.Work;
        var now = clock.GetCurrentInstant();
        if ((await DraftEdits.BeginAsync(call, http.Request, now, ct)).Failed(out var stale, out var edit))
        {
            return stale;
        }

        var draft = edit.Draft;
        var inputs = await ProblemLoader.LoadAsync(work, call.Period, call.Unit, draft, edit.Published, ct);
        if (!inputs.Slots.TryGetValue(slotKey, out var slot))
        {
            return ApiProblems.Invalid("slotKey", "is not a slot of this period and unit");
        }

        if (!inputs.People.TryGetValue(personId, out var person) || !person.Active)
        {
            return ApiProblems.Invalid("personId", "is not an active person of this unit");
        }

        var rows = await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        var map = Drafts.ToMap(rows);
        var edited = new Dictionary<string, string>(map, StringComparer.Ordinal) { [slotKey] = personId.ToString() };
        var broken = RosterValidator.NewlyBroken(inputs.Problem, map, edited);
        map = edited;
        if (broken.Count > 0 && !force)
        {
            return TypedResults.Problem(statusCode: 422, title: "The change breaks hard rules",
                detail: string.Join("; ", broken.Select(v => v.Message)) + ". Send force: true with a reason to make it anyway.",
                extensions: new Dictionary<string, object?>
                {
                    ["violations"] = broken.Select(RosterViews.Violation).ToList(),
                    ["errors"] = new Dictionary<string, string[]> { ["personId"] = broken.Select(v => v.Message).ToArray() },
                });
        }

        var previous = rows.FirstOrDefault(r => r.SlotKey == slotKey);
        var saved = await AssignmentStore.UpsertAsync(work, new AssignmentRow
        {
            RosterVersionId = draft.Id, SlotKey = slotKey, ShiftCode = slot.ShiftCode, Role = slot.Role, DutyDate = slot.Date,
            PersonId = personId, StartsAt = slot.Start, EndsAt = slot.End, Source = "manual", Pinned = previous?.Pinned ?? false,
            Forced = broken.Count > 0, ForceReason = broken.Count > 0 ? reason : null,
        }, ct);
        var unfilled = await Drafts.RefreshUnfilledAsync(work, draft, inputs, map, json.Value.SerializerOptions, ct);
        var body = AssignmentResponse.From(saved, inputs.People);
        await audit.RecordAsync(work, call.UnitId, "assignment", $"{draft.Id}/{slotKey}", broken.Count > 0 ? "force" : "assign",
            previous is null ? null : AssignmentResponse.From(previous, inputs.People),
            new { assignment = body, violations = broken.Select(RosterViews.Violation).ToList() }, ct);
        await DraftEdits.FinishAsync(work, draft, http.Response, ct);
        return TypedResults.Ok(new EditResponse(draft.Id, body, broken.Select(RosterViews.Violation).ToList(), unfilled));
    }

    private static async Task<Results<Ok<EditResponse>, ProblemHttpResult>> ClearAsync(
        [AsParameters] RosterCall call, string? slot, Auditor audit, IClock clock, HttpContext http,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slot) || slot.Length > 100)
        {
            return ApiProblems.Invalid("slot", "is required: the key of the slot to clear");
        }

        var work = call.Work;
        if ((await DraftEdits.BeginAsync(call, http.Request, clock.GetCurrentInstant(), ct)).Failed(out var stale, out var edit))
        {
            return stale;
        }

        var draft = edit.Draft;
        var rows = await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        var previous = rows.FirstOrDefault(r => r.SlotKey == slot);
        if (previous is null)
        {
            return ApiProblems.NotFound("assignment");
        }

        await AssignmentStore.DeleteAsync(work, draft.Id, slot, ct);
        var inputs = await ProblemLoader.LoadAsync(work, call.Period, call.Unit, draft, edit.Published, ct);
        var map = Drafts.ToMap(rows.Where(r => r.SlotKey != slot));
        var unfilled = await Drafts.RefreshUnfilledAsync(work, draft, inputs, map, json.Value.SerializerOptions, ct);
        await audit.RecordAsync(work, call.UnitId, "assignment", $"{draft.Id}/{slot}", "clear",
            AssignmentResponse.From(previous, inputs.People), null, ct);
        await DraftEdits.FinishAsync(work, draft, http.Response, ct);
        return TypedResults.Ok(new EditResponse(draft.Id, null, [], unfilled));
    }

    private static async Task<Results<Ok<EditResponse>, ProblemHttpResult>> PinAsync(
        [AsParameters] RosterCall call, PinRequest request, Auditor audit, IClock clock, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var slotKey = errors.Text("slotKey", request.SlotKey, 100);
        var pinned = errors.Required("pinned", request.Pinned);
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
        if (await AssignmentStore.SetPinnedAsync(work, draft.Id, slotKey, pinned, ct) == 0)
        {
            return ApiProblems.NotFound("assignment");
        }

        await audit.RecordAsync(work, call.UnitId, "assignment", $"{draft.Id}/{slotKey}", pinned ? "pin" : "unpin", null, new { slotKey, pinned }, ct);
        var rows = await AssignmentStore.OfVersionAsync(work, draft.Id, ct);
        var people = await ProblemLoaderPeople.ForUnitAsync(work, call.UnitId, ct);
        await DraftEdits.FinishAsync(work, draft, http.Response, ct);
        var row = rows.First(r => r.SlotKey == slotKey);
        return TypedResults.Ok(new EditResponse(draft.Id, AssignmentResponse.From(row, people), [], -1));
    }

    /// <summary>A person's duties in published rosters, on dates from <c>from</c> to <c>to</c> (both included).</summary>
    private static async Task<Results<Ok<IReadOnlyList<AssignmentResponse>>, ProblemHttpResult>> OfPersonAsync(
        Guid personId, string? from, string? to, AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = QueryValues.Date(errors, "from", from);
        var last = QueryValues.Date(errors, "to", to);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        var person = await PersonStore.FindAsync(work, personId, ct);
        if (person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("person");
        }

        var today = clock.GetCurrentInstant().InUtc().Date;
        var dayFrom = first ?? today.PlusDays(-1);
        var dayTo = last ?? dayFrom.PlusDays(60);
        if (dayTo < dayFrom || Period.DaysBetween(dayFrom, dayTo) > 400)
        {
            return ApiProblems.Invalid("to", "must be on or after from and within 400 days of it");
        }

        var rows = await AssignmentStore.PublishedOfPersonAsync(work, personId, dayFrom, dayTo, ct);
        var people = new Dictionary<Guid, PersonRow> { [person.Id] = person };
        return TypedResults.Ok<IReadOnlyList<AssignmentResponse>>(rows.Select(r => AssignmentResponse.From(r, people)).ToList());
    }
}
