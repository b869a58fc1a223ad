using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Coverage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Exports;

/// <summary>The supervisors' coverage report: per unit of a subtree and per day, required, filled and unfilled slots.</summary>
internal static class CoverageReportEndpoints
{
    /// <summary>The longest report: a year of days.</summary>
    public const int MaxDays = 366;

    public static void MapCoverageReport(this IEndpointRouteBuilder api) =>
        api.MapGet("/coverage-report.xlsx", GetAsync).WithTags("Exports");

    /// <summary><c>unit</c>: the subtree's root; <c>from</c>/<c>to</c>: dates, both included. Admins and supervisors only.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? unit, string? from, string? to, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Guid unitId = default;
        if (unit is null || !Guid.TryParse(unit, out unitId))
        {
            errors.Add("unit", unit is null ? "is required" : "must be a unit id");
        }

        var first = errors.Required("from", QueryValues.Date(errors, "from", from));
        var last = errors.Required("to", QueryValues.Date(errors, "to", to));
        if (!errors.Any && last < first)
        {
            errors.Add("to", "must not be before from");
        }
        else if (!errors.Any && Period.DaysBetween(first, last) >= MaxDays)
        {
            errors.Add("to", $"must be within {MaxDays} days of from");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var root = await UnitStore.FindAsync(work, unitId, ct);
        if (root is null || !await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var overseen = await access.OverseenAsync(work, ct);
        if (!overseen.Contains(unitId))
        {
            return ApiProblems.Forbidden("Only administrators and supervisors of the unit may see its coverage report.");
        }

        var overseenSubtree = (await UnitStore.SubtreeAsync(work, unitId, ct)).Where(overseen.Contains).ToList();
        var rostered = await RosteredUnits.InAnyPeriodAsync(work, overseenSubtree, first, last, ct);
        var subtree = overseenSubtree.Where(rostered.Contains).ToList();
        var units = (await UnitStore.ListAsync(work, subtree, null, null, subtree.Count + 1, ct))
            .OrderBy(u => u.Id == unitId ? 0 : 1).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var dates = new DateInterval(first, last);
        var days = CoverageReportRow.Of(units, dates, await CoverageReader.ReadAsync(work, units, first, last, ct));

        var title = $"覆盖情况 Coverage report · {DutyWords.Both(root.Name, root.NameEn)} · "
            + $"{LocalDatePattern.Iso.Format(first)} – {LocalDatePattern.Iso.Format(last)}";
        var columns = CoverageColumns.All;
        var sheet = new XlsxSheet("覆盖 Coverage", title, [.. columns.Select(c => c.Width)],
            [.. columns.Select(c => new XlsxCell($"{c.HeaderZh}\n{c.HeaderEn}", XlsxStyle.Header))],
            [.. days.Select(d => (IReadOnlyList<XlsxCell>)columns.Select(c => c.Cell(d)).ToList())]);
        var name = $"coverage-{root.Code}-{LocalDatePattern.Iso.Format(first)}-{LocalDatePattern.Iso.Format(last)}.xlsx";
        return TypedResults.File(XlsxWriter.Write(sheet), XlsxWriter.ContentType, name);
    }
}
