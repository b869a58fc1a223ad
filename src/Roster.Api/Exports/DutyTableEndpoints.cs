using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Model;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Exports;

/// <summary>The printed duty table (值班表) of a unit for a period, as XLSX or CSV.</summary>
internal static class DutyTableEndpoints
{
    public static void MapDutyTables(this ApiGroups groups)
    {
        var group = groups.Roster.MapGroup("").WithTags("Exports");
        // duty-table.xlsx / duty-table.csv, or duty-table?format=xlsx|csv (xlsx when absent).
        group.MapGet("/duty-table.{format}", GetAsync);
        group.MapGet("/duty-table", GetAsync);
    }

    /// <summary><c>version</c>: published (the default), draft, or a version number.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        [AsParameters] RosterCall call, string? format, string? version, CancellationToken ct)
    {
        format ??= "xlsx";
        if (format is not ("xlsx" or "csv"))
        {
            return ApiProblems.Invalid("format", "must be xlsx or csv");
        }

        if (version is not null && VersionNames.StatusOf(version) is null && !int.TryParse(version, out _))
        {
            return ApiProblems.Invalid("version", "must be published, draft or a version number");
        }

        var (work, period, unit, periodId, unitId) = (call.Work, call.Period, call.Unit, call.PeriodId, call.UnitId);
        if ((await RosterEndpoints.FindVersionAsync(work, periodId, unitId, version ?? RosterStatus.Published.Code, ct)).Failed(out var versionProblem, out var row))
        {
            return versionProblem;
        }

        var range = new DateInterval(period.FirstDay, period.LastDay);
        var (slots, calendar) = await RequiredSlots.ExpandAsync(work, period, unit, range, ct);
        var shifts = await ShiftStore.AllAsync(work, periodId, ct);
        var assignments = await AssignmentStore.OfVersionAsync(work, row.Id, ct);
        var people = await ProblemLoaderPeople.ForUnitAsync(work, unitId, ct);
        var standby = await StandbyStore.OfVersionAsync(work, row.Id, ct);
        var table = DutyTableBuilder.Build(period, unit, row, shifts, slots, calendar, assignments, people, standby);

        var name = $"duty-table-{unit.Code}-{LocalDatePattern.Iso.Format(period.FirstDay)}-v{row.Number}-{row.Status.Code}.{format}";
        return format == "csv"
            ? TypedResults.File(DutyTableFormats.Csv(table), CsvWriter.ContentType, name)
            : TypedResults.File(DutyTableFormats.Xlsx(table), XlsxWriter.ContentType, name);
    }
}
