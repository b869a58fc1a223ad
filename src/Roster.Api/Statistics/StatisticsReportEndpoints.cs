using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Exports;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Statistics;
using Roster.Core.Storage;
using Roster.Core.Storage.Statistics;

namespace Roster.Api.Statistics;

/// <summary>
/// The monthly statistics report of a unit for finance: a draft until an administrator of the unit confirms it (with
/// If-Match: the draft's ETag, so what is confirmed is what was read); then frozen, later changes shown as corrections.
/// Administrators and supervisors read it; supervisors cannot confirm.
/// </summary>
internal static class StatisticsReportEndpoints
{
    public static void MapStatisticsReports(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("/units/{unitId:guid}").WithTags("Statistics");
        group.MapGet("/statistics-report", GetAsync);
        group.MapGet("/statistics-report.xlsx", GetXlsxAsync);
        group.MapPost("/statistics-report:confirm", ConfirmAsync);
    }

    /// <summary>The report of <c>month</c> (yyyy-MM): the draft figures, or the confirmed ones with corrections.</summary>
    private static async Task<Results<Ok<StatisticsReportResponse>, ProblemHttpResult>> GetAsync(
        Guid unitId, string? month, HttpResponse response, AccessScope access, IOptions<JsonOptions> json, RequestWork transaction,
        CancellationToken ct)
    {
        if ((await ReadAsync(unitId, month, access, json.Value.SerializerOptions, transaction.Work, ct)).Failed(out var problem, out var report))
        {
            return problem;
        }

        response.Headers[HeaderNames.ETag] = report.ETag;
        return TypedResults.Ok(report.Report);
    }

    /// <summary>The report of <c>month</c> as an .xlsx workbook, headers in Chinese and English, corrections as extra rows.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetXlsxAsync(
        Guid unitId, string? month, AccessScope access, IOptions<JsonOptions> json, RequestWork transaction, CancellationToken ct)
    {
        if ((await ReadAsync(unitId, month, access, json.Value.SerializerOptions, transaction.Work, ct)).Failed(out var problem, out var report))
        {
            return problem;
        }

        var name = $"duty-statistics-{report.Code}-{report.Report.Month}-{report.Report.State}.xlsx";
        return TypedResults.File(ReportSheet.Write(report.Report, report.Current), XlsxWriter.ContentType, name);
    }

    /// <summary>Confirms the draft of <c>month</c> (If-Match: its ETag) and freezes its figures. Administrators of the unit only.</summary>
    private static async Task<Results<Ok<StatisticsReportResponse>, ProblemHttpResult>> ConfirmAsync(
        Guid unitId, string? month, HttpRequest http, AccessScope access, Auditor audit, IClock clock, IOptions<JsonOptions> json,
        RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = ReportMonth.Parse(errors, month);
        if (parsed is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if ((await StatisticsScope.ResolveAsync(work, access, unitId, wholeUnits: true, ct)).Failed(out var problem, out var scope))
        {
            return problem;
        }

        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit confirms its monthly statistics; supervisors read them.");
        }

        await work.LockAsync($"statistics-report:{unitId}:{parsed.Text}", ct);
        var options = json.Value.SerializerOptions;
        var (report, current, tag) = await StatisticsReports.BuildAsync(work, scope, parsed, options, ct);
        if (report.State != StatisticsReportState.Draft.Code)
        {
            return ApiProblems.Conflict($"{parsed.Text} is already confirmed; later changes show as corrections.", "month");
        }

        if (http.Headers[HeaderNames.IfMatch].Count == 0)
        {
            return ApiProblems.PreconditionRequired();
        }

        if (!ETags.MatchesTag(http, tag))
        {
            return ApiProblems.Stale();
        }

        var snapshot = JsonSerializer.Serialize(new ReportSnapshot(current), options);
        var row = await StatisticsReportStore.ConfirmAsync(work, unitId, parsed.First, snapshot, clock.GetCurrentInstant(), access.AccountId, ct);
        if (row is null)
        {
            return ApiProblems.Conflict($"{parsed.Text} was confirmed meanwhile.", "month");
        }

        var (confirmed, _, confirmedTag) = await StatisticsReports.BuildAsync(work, scope, parsed, options, ct);
        await audit.RecordAsync(work, unitId, "statistics-report", $"{unitId}:{parsed.Text}", "confirm", null, confirmed.Totals, ct);
        http.HttpContext.Response.Headers[HeaderNames.ETag] = confirmedTag;
        return TypedResults.Ok(confirmed);
    }

    private static async Task<Found<(StatisticsReportResponse Report, IReadOnlyList<PersonStatisticsResponse> Current, string ETag, string Code)>> ReadAsync(
        Guid unitId, string? month, AccessScope access, JsonSerializerOptions json, DbWork work, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = ReportMonth.Parse(errors, month);
        if (parsed is null)
        {
            return ApiProblems.Invalid(errors);
        }

        if ((await StatisticsScope.ResolveAsync(work, access, unitId, wholeUnits: true, ct)).Failed(out var problem, out var scope))
        {
            return problem;
        }

        var (report, current, tag) = await StatisticsReports.BuildAsync(work, scope, parsed, json, ct);
        return (report, current, tag, scope.Root.Code);
    }
}
