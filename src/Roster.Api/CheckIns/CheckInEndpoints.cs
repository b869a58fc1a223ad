using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Idempotency;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Duty;
using Roster.Core.Oversight;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.CheckIns;

/// <summary>Check-in (到岗确认) and check-out with handover, by the person on duty or an admin on their behalf.</summary>
internal static class CheckInEndpoints
{
    public static void MapCheckIns(this ApiGroups groups)
    {
        var roster = groups.Roster.MapGroup("").WithTags("Check-in");
        roster.MapPost("/check-ins", CheckInAsync).Idempotent();
        roster.MapGet("/check-ins", ListAsync);
        groups.Work.MapPost("/check-ins/{id:guid}:check-out", CheckOutAsync).WithTags("Check-in");
    }

    private static async Task<Results<Created<CheckInResponse>, ProblemHttpResult>> CheckInAsync(
        [AsParameters] RosterCall call, CheckInRequest request, Auditor audit, IClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var slotKey = errors.Text("slotKey", request.SlotKey, 100);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, access, periodId, unitId) = (call.Work, call.Access, call.PeriodId, call.UnitId);
        var assignment = await AssignmentStore.PublishedOfSlotAsync(work, periodId, unitId, slotKey, ct);
        if (assignment is null)
        {
            return ApiProblems.Invalid("slotKey", "has nobody on duty in the published roster");
        }

        var own = await access.PersonIdAsync(work, ct) == assignment.PersonId;
        if (!own && !await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only the person on duty, or an administrator of the unit, may check in for this slot.");
        }

        var presence = DutyPresence.Lookup((await ShiftStore.AllAsync(work, periodId, ct)).Select(s => (s.Code, s.Presence)));
        if (presence(assignment.ShiftCode, assignment.Role) == DutyPresence.Reachable)
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add("slotKey",
                "is reachable (on call) duty: no check-in is required (可联系值班无需签到), only being reachable by phone"));
        }

        var settings = await DutySettingsStore.ForUnitAsync(work, unitId, ct);
        var window = new CheckInWindow(settings.CheckInOpensBefore.ToDuration(), settings.CheckInClosesAfter.ToDuration());
        var now = clock.GetCurrentInstant();
        // After the window an admin may still confirm someone who arrived late, until the duty ends: it is recorded as
        // late, and closes the missed check-in gap.
        var lateConfirmation = !own && window.HasClosed(assignment.StartsAt, now) && now < assignment.EndsAt;
        if (!window.Accepts(assignment.StartsAt, now) && !lateConfirmation)
        {
            var open = window.For(assignment.StartsAt);
            return ApiProblems.Unprocessable(new FieldErrors().Add("slotKey",
                $"check-in is open from {open.Start} to {open.End} (签到时间窗口之外 outside the check-in window)"));
        }

        if (await CheckInStore.ForSlotAsync(work, unitId, periodId, slotKey, ct) is not null)
        {
            return ApiProblems.Conflict("This slot is already checked in.", "slotKey");
        }

        var row = await CheckInStore.InsertAsync(work, new CheckInRow
        {
            UnitId = unitId, PeriodId = periodId, SlotKey = slotKey, PersonId = assignment.PersonId, SlotStartsAt = assignment.StartsAt,
            SlotEndsAt = assignment.EndsAt, CheckedInAt = now, Late = CheckInWindow.IsLate(assignment.StartsAt, now),
            RecordedBy = access.AccountId,
        }, ct);
        await DutyWatch.ResolveMissedCheckInAsync(work, unitId, periodId, slotKey, now, ct);
        var body = CheckInResponse.From(row);
        await audit.RecordAsync(work, unitId, "check-in", row.Id, own ? "check-in" : "check-in-on-behalf", null, body, ct);
        return TypedResults.Created($"/api/v1/check-ins/{row.Id}", body);
    }

    private static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> CheckOutAsync(
        Guid id, CheckOutRequest request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("handoverNote", request.HandoverNote, 4000);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        var row = await CheckInStore.FindAsync(work, id, ct);
        if (row is null || !await access.CanReadAsync(work, row.UnitId, ct))
        {
            return ApiProblems.NotFound("check-in");
        }

        var own = await access.PersonIdAsync(work, ct) == row.PersonId;
        if (!own && !await access.CanAdministerAsync(work, row.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only the person on duty, or an administrator of the unit, may check out.");
        }

        var updated = await CheckInStore.CheckOutAsync(work, id, clock.GetCurrentInstant(), note, ct);
        if (updated is null)
        {
            return ApiProblems.Conflict("This duty is already checked out.");
        }

        var body = CheckInResponse.From(updated);
        await audit.RecordAsync(work, row.UnitId, "check-in", id, "check-out", CheckInResponse.From(row), body, ct);
        return TypedResults.Ok(body);
    }

    /// <summary>Check-ins for slots starting on dates from <c>from</c> to <c>to</c> (both included, the unit's calendar).</summary>
    private static async Task<Results<Ok<IReadOnlyList<CheckInResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] RosterCall call, string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = QueryValues.Date(errors, "from", from);
        var last = QueryValues.Date(errors, "to", to);
        var span = errors.Any ? null : UnitDays.Span(errors, call.Unit, call.Period, first, last);
        if (span is not { } range)
        {
            return ApiProblems.Invalid(errors);
        }

        var rows = await CheckInStore.OfUnitAsync(call.Work, call.UnitId, range.Start, range.End, ct);
        return TypedResults.Ok<IReadOnlyList<CheckInResponse>>(rows.Where(r => r.PeriodId == call.PeriodId).Select(CheckInResponse.From).ToList());
    }
}
