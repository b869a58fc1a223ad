using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Text;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Exports;
using Roster.Api.Problems;
using Roster.Core.Storage;

namespace Roster.Api.Statistics;

/// <summary>Duty statistics (值班统计) of a unit's subtree over a date range, as JSON or as a workbook.</summary>
internal static class StatisticsEndpoints
{
    public static void MapStatistics(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Statistics");
        group.MapGet("/duty", GetAsync).AddEndpointFilter<ConditionalGet>().Produces(StatusCodes.Status304NotModified);
        group.MapGet("/duty.xlsx", GetXlsxAsync);
    }

    /// <summary><c>unit</c>: the subtree's root; <c>from</c>/<c>to</c>: duty dates, both included; <c>groupBy</c>: person (default) or unit.</summary>
    private static async Task<Results<Ok<DutyStatisticsResponse>, ProblemHttpResult>> GetAsync(
        string? unit, string? from, string? to, string? groupBy, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        return (await ComputeAsync(unit, from, to, groupBy, access, db, ct)).Failed(out var problem, out var computed)
            ? problem
            : TypedResults.Ok(computed.Statistics);
    }

    /// <summary>The same statistics as an .xlsx workbook, one row per person or unit, headers in Chinese and English.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetXlsxAsync(
        string? unit, string? from, string? to, string? groupBy, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        if ((await ComputeAsync(unit, from, to, groupBy, access, db, ct)).Failed(out var problem, out var computed))
        {
            return problem;
        }

        var s = computed.Statistics;
        var range = $"{LocalDatePattern.Iso.Format(s.From)} – {LocalDatePattern.Iso.Format(s.To)}";
        var title = $"值班统计 Duty statistics · {computed.RootName} · {range}";
        var bytes = s.People is { } people
            ? StatisticsSheets.Write("值班统计 By person", title, PersonColumns.All, people)
            : StatisticsSheets.Write("值班统计 By unit", title, UnitStatisticsColumns.All, s.Units ?? []);
        var name = $"duty-statistics-{computed.RootCode}-{LocalDatePattern.Iso.Format(s.From)}-{LocalDatePattern.Iso.Format(s.To)}-{s.GroupBy}.xlsx";
        return TypedResults.File(bytes, XlsxWriter.ContentType, name);
    }

    private static async Task<Found<(DutyStatisticsResponse Statistics, string RootName, string RootCode)>> ComputeAsync(
        string? unit, string? from, string? to, string? groupBy, AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (StatisticsQuery.Parse(unit, from, to, groupBy, errors) is not { } query)
        {
            return ApiProblems.Invalid(errors);
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var byUnit = query.GroupBy == StatisticsGrouping.Unit;
        if ((await StatisticsScope.ResolveAsync(work, access, query.UnitId, byUnit, ct)).Failed(out var problem, out var scope))
        {
            return problem;
        }

        var statistics = byUnit
            ? new DutyStatisticsResponse(query.UnitId, query.From, query.To, query.GroupBy, StatisticsGrouping.Currency, null,
                await DutyStatistics.ByUnitAsync(work, scope.Units, query.From, query.To, ct))
            : new DutyStatisticsResponse(query.UnitId, query.From, query.To, query.GroupBy, StatisticsGrouping.Currency,
                await DutyStatistics.ByPersonAsync(work, scope.Units, query.From, query.To, scope.OnlyPerson, ct), null);
        return (statistics, DutyWords.Both(scope.Root.Name, scope.Root.NameEn), scope.Root.Code);
    }
}
