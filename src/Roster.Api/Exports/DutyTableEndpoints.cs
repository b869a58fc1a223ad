using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Api.Rosters;
using Roster.Core.Model;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Exports;

/// <summary>The printed duty table (值班表) of a unit for a period, as XLSX or CSV.</summary>
internal static class DutyTableEndpoints
{
    private const string Base = "/periods/{periodId:guid}/units/{unitId:guid}/duty-table";

    public static void MapDutyTables(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Exports");
        // duty-table.xlsx / duty-table.csv, or duty-table?format=xlsx|csv (xlsx when absent).
        group.MapGet(Base + ".{format}", GetAsync);
        group.MapGet(Base, GetAsync);
    }

    /// <summary><c>version</c>: published (the default), draft, or a version number.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        Guid periodId, Guid unitId, string? format, string? version, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
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

        await using var work = await DbWork.BeginAsync(db, ct);
        var (period, unit, problem) = await RosterScope.ResolveAsync(work, periodId, unitId, access, administer: false, ct);
        if (period is null || unit is null)
        {
            return problem!;
        }

        var (row, versionProblem) = await RosterEndpoints.FindVersionAsync(work, periodId, unitId, version ?? RosterStatus.Published.Code, ct);
        if (row is null)
        {
            return versionProblem!;
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
