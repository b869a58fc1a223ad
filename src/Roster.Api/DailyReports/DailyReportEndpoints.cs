using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Auditing;
using Roster.Api.Idempotency;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.People;

namespace Roster.Api.DailyReports;

/// <summary>Daily reports (日报): one per unit and day of the period, due by the period's local deadline.</summary>
internal static class DailyReportEndpoints
{
    public static void MapDailyReports(this ApiGroups groups)
    {
        groups.Roster.MapPost("/daily-reports", FileAsync).WithTags("Daily reports").Idempotent();
        groups.Roster.MapGet("/daily-reports", ListAsync).WithTags("Daily reports");
    }

    private static async Task<Results<Created<DailyReportResponse>, ProblemHttpResult>> FileAsync(
        [AsParameters] RosterCall call, DailyReportRequest request, Auditor audit, IClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var day = errors.Required("day", request.Day);
        var nothing = request.NothingToReport ?? false;
        var body = errors.OptionalText("body", request.Body, 8000);
        if (!nothing && body is null)
        {
            errors.Add("body", "is required unless nothingToReport is true");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, access, period, unit, periodId, unitId) = (call.Work, call.Access, call.Period, call.Unit, call.PeriodId, call.UnitId);
        if (day < period.FirstDay || day > period.LastDay)
        {
            return ApiProblems.Invalid("day", $"must be a day of the period ({period.FirstDay:yyyy-MM-dd}…{period.LastDay:yyyy-MM-dd})");
        }

        // The unit's own people file its report: its admins and its duty staff (supervisors above only read it, even
        // when they are on duty somewhere themselves).
        var ownStaff = await access.PersonIdAsync(work, ct) is { } personId
            && (await PersonStore.FindAsync(work, personId, ct))?.UnitId == unitId;
        if (!ownStaff && !await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("The unit's administrators or duty staff file its daily report.");
        }

        var now = clock.GetCurrentInstant();
        var due = day.At(period.DailyReportDue).InZoneLeniently(DateTimeZoneProviders.Tzdb[unit.TimeZone]).ToInstant();
        var row = await DailyReportStore.InsertAsync(work, new DailyReportRow
        {
            UnitId = unitId, PeriodId = periodId, Day = day, NothingToReport = nothing, Body = body, FiledBy = access.AccountId,
            FiledAt = now, DueAt = due, Late = now > due,
        }, ct);
        await DutyWatch.ResolveLateReportAsync(work, unitId, periodId, day, now, ct);
        var response = DailyReportResponse.From(row);
        await audit.RecordAsync(work, unitId, "daily-report", row.Id, "file", null, response, ct);
        return TypedResults.Created($"/api/v1/periods/{periodId}/units/{unitId}/daily-reports", response);
    }

    private static async Task<Results<Ok<IReadOnlyList<DailyReportResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] RosterCall call, CancellationToken ct)
    {
        var (work, periodId, unitId) = (call.Work, call.PeriodId, call.UnitId);
        var rows = await DailyReportStore.OfUnitAsync(work, unitId, periodId, ct);
        return TypedResults.Ok<IReadOnlyList<DailyReportResponse>>(rows.Select(DailyReportResponse.From).ToList());
    }
}
