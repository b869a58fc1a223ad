using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Auditing;
using Roster.Api.Idempotency;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.DutyLog;

/// <summary>The duty log (值班记录): written by whoever is on duty (or an admin), read by everyone of the unit and above.</summary>
internal static class DutyLogEndpoints
{
    /// <summary>The person on duty may write from half an hour before the shift to two hours after it.</summary>
    private static readonly Duration WriteBefore = Duration.FromMinutes(30);
    private static readonly Duration WriteAfter = Duration.FromHours(2);

    public static void MapDutyLog(this ApiGroups groups)
    {
        groups.Roster.MapPost("/duty-log", WriteAsync).WithTags("Duty log").Idempotent();
        groups.Roster.MapGet("/duty-log", ListAsync).WithTags("Duty log");
    }

    private static async Task<Results<Created<DutyLogEntryResponse>, ProblemHttpResult>> WriteAsync(
        [AsParameters] RosterCall call, DutyLogRequest request, Auditor audit, IClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var entry = DutyLogValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, access, period, periodId, unitId) = (call.Work, call.Access, call.Period, call.PeriodId, call.UnitId);
        var now = clock.GetCurrentInstant();
        var personId = await access.PersonIdAsync(work, ct);
        var onDuty = personId is { } p
            && await AssignmentStore.PublishedCoveringAsync(work, unitId, p, now, WriteBefore, WriteAfter, ct) is not null;
        if (!onDuty && !await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only the person on duty, or an administrator of the unit, writes the duty log.");
        }

        var referenced = entry.IncidentId ?? entry.CorrectsId;
        if (referenced is { } refId)
        {
            var target = await DutyLogStore.FindAsync(work, refId, ct);
            var field = entry.IncidentId is null ? "correctsId" : "incidentId";
            if (target is null || target.UnitId != unitId || (entry.IncidentId is not null && target.Kind != "incident"))
            {
                return ApiProblems.Invalid(field, entry.IncidentId is null ? "is not an entry of this unit's log" : "is not an incident of this unit");
            }
        }

        var row = new DutyLogEntryRow
        {
            UnitId = unitId, PeriodId = periodId, SlotKey = entry.SlotKey, Kind = entry.Kind, Category = entry.Category,
            Severity = entry.Severity, Body = entry.Body, ActionsTaken = entry.ActionsTaken, IncidentId = entry.IncidentId,
            CorrectsId = entry.CorrectsId, AuthorId = access.AccountId, PersonId = personId, CreatedAt = now,
            AckDueAt = entry.Kind == "incident" ? now + Duration.FromMinutes(period.IncidentAckMinutes) : null,
        };
        var id = await DutyLogStore.InsertAsync(work, row, ct);
        var saved = (await DutyLogStore.FindAsync(work, id, ct))!;
        var body = DutyLogEntryResponse.From(saved);
        if (entry.Kind == "incident")
        {
            await NotifyIncidentAsync(work, saved, now, ct);
        }

        await audit.RecordAsync(work, unitId, "duty-log", id, entry.Kind, null, body, ct);
        return TypedResults.Created($"/api/v1/duty-log/{id}", body);
    }

    /// <summary>An incident reaches the bureau at once: every supervisor above the unit, and its admins.</summary>
    private static async Task NotifyIncidentAsync(DbWork work, DutyLogEntryRow incident, Instant now, CancellationToken ct)
    {
        var recipients = await DutyRecipients.WithRolesAboveAsync(work, incident.UnitId, ["admin", "supervisor"], ct);
        await DutyNotices.SendAsync(work, incident.UnitId, DutyNotices.Incident, incident.Id.ToString("N"), recipients,
            "突发事件 Incident",
            $"【突发事件】{incident.Category}（{incident.Severity}）：{incident.Body}。请在 {incident.AckDueAt} 前确认。\n" +
            $"[Incident] {incident.Category} ({incident.Severity}): {incident.Body}. Acknowledge by {incident.AckDueAt}.",
            new { incidentId = incident.Id, unitId = incident.UnitId, ackDueAt = incident.AckDueAt?.ToString() }, now, ct);
    }

    /// <summary>Entries written on dates from <c>from</c> to <c>to</c> (both included, the unit's calendar), oldest first.</summary>
    private static async Task<Results<Ok<IReadOnlyList<DutyLogEntryResponse>>, ProblemHttpResult>> ListAsync(
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

        var rows = await DutyLogStore.OfUnitAsync(call.Work, call.UnitId, call.PeriodId, range.Start, range.End, ct);
        return TypedResults.Ok<IReadOnlyList<DutyLogEntryResponse>>(rows.Select(DutyLogEntryResponse.From).ToList());
    }
}
