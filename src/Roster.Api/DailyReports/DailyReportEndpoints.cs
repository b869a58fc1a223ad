using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Idempotency;
using Roster.Api.Problems;
using Roster.Api.Rosters;
using Roster.Core.Storage;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.People;

namespace Roster.Api.DailyReports;

/// <summary>Daily reports (日报): one per unit and day of the period, due by the period's local deadline.</summary>
internal static class DailyReportEndpoints
{
    public static void MapDailyReports(this IEndpointRouteBuilder api)
    {
        api.MapPost("/periods/{periodId:guid}/units/{unitId:guid}/daily-reports", FileAsync).WithTags("Daily reports").Idempotent();
        api.MapGet("/periods/{periodId:guid}/units/{unitId:guid}/daily-reports", ListAsync).WithTags("Daily reports");
    }

    private static async Task<Results<Created<DailyReportResponse>, ProblemHttpResult>> FileAsync(
        Guid periodId, Guid unitId, DailyReportRequest request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db,
        CancellationToken ct)
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

        await using var work = await DbWork.BeginAsync(db, ct);
        var (period, unit, problem) = await RosterScope.ResolveAsync(work, periodId, unitId, access, administer: false, ct);
        if (period is null || unit is null)
        {
            return problem!;
        }

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
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/periods/{periodId}/units/{unitId}/daily-reports", response);
    }

    private static async Task<Results<Ok<IReadOnlyList<DailyReportResponse>>, ProblemHttpResult>> ListAsync(
        Guid periodId, Guid unitId, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var work = await DbWork.BeginAsync(db, ct);
        var (period, _, problem) = await RosterScope.ResolveAsync(work, periodId, unitId, access, administer: false, ct);
        if (period is null)
        {
            return problem!;
        }

        var rows = await DailyReportStore.OfUnitAsync(work, unitId, periodId, ct);
        return TypedResults.Ok<IReadOnlyList<DailyReportResponse>>(rows.Select(DailyReportResponse.From).ToList());
    }
}
