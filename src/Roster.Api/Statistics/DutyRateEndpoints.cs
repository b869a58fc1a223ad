using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Statistics;

namespace Roster.Api.Statistics;

/// <summary>
/// Duty rates: what a duty is worth by day type, per unit (for its subtree) or per period. Read by anyone who sees the
/// unit or the period, written by its administrators with If-Match (version 0 creates).
/// </summary>
internal static class DutyRateEndpoints
{
    public static void MapDutyRates(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("").WithTags("Statistics");
        group.MapGet("/units/{unitId:guid}/duty-rates", GetUnitAsync);
        group.MapPut("/units/{unitId:guid}/duty-rates", PutUnitAsync);
        group.MapGet("/periods/{periodId:guid}/duty-rates", GetPeriodAsync);
        group.MapPut("/periods/{periodId:guid}/duty-rates", PutPeriodAsync);
    }

    /// <summary>The unit's own rate card (version 0 and zeros when it has none).</summary>
    private static async Task<Results<Ok<DutyRatesResponse>, ProblemHttpResult>> GetUnitAsync(
        Guid unitId, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var body = DutyRatesResponse.From(unitId, null, await DutyRateStore.FindAsync(work, unitId, null, ct));
        ETags.Set(response, body.Version);
        return TypedResults.Ok(body);
    }

    /// <summary>Sets the unit's rate card; it applies to the unit and the units below it without a card of their own.</summary>
    private static async Task<Results<Ok<DutyRatesResponse>, ProblemHttpResult>> PutUnitAsync(
        Guid unitId, DutyRatesRequest request, HttpRequest http, AccessScope access, Auditor audit, IClock clock, RequestWork transaction,
        CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit sets its duty rates.");
        }

        return await SaveAsync(work, unitId, null, unitId, request, http, audit, clock, ct);
    }

    /// <summary>The period's rate card (version 0 and zeros when it has none).</summary>
    private static async Task<Results<Ok<DutyRatesResponse>, ProblemHttpResult>> GetPeriodAsync(
        Guid periodId, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var period = await PeriodStore.FindAsync(work, periodId, ct);
        if (period is null || !(await access.RelatedAsync(work, ct)).Contains(period.UnitId))
        {
            return ApiProblems.NotFound("period");
        }

        var body = DutyRatesResponse.From(null, periodId, await DutyRateStore.FindAsync(work, null, periodId, ct));
        ETags.Set(response, body.Version);
        return TypedResults.Ok(body);
    }

    /// <summary>Sets the period's rate card; during the period it wins over the units' cards.</summary>
    private static async Task<Results<Ok<DutyRatesResponse>, ProblemHttpResult>> PutPeriodAsync(
        Guid periodId, DutyRatesRequest request, HttpRequest http, AccessScope access, Auditor audit, IClock clock, RequestWork transaction,
        CancellationToken ct)
    {
        var work = transaction.Work;
        var period = await PeriodStore.FindAsync(work, periodId, ct);
        if (period is null || !(await access.RelatedAsync(work, ct)).Contains(period.UnitId))
        {
            return ApiProblems.NotFound("period");
        }

        if (!await access.CanAdministerAsync(work, period.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit that declared the period sets its duty rates.");
        }

        return await SaveAsync(work, null, periodId, period.UnitId, request, http, audit, clock, ct);
    }

    private static async Task<Results<Ok<DutyRatesResponse>, ProblemHttpResult>> SaveAsync(
        DbWork work, Guid? unitId, Guid? periodId, Guid auditUnitId, DutyRatesRequest request, HttpRequest http, Auditor audit, IClock clock,
        CancellationToken ct)
    {
        var before = await DutyRateStore.FindAsync(work, unitId, periodId, ct);
        var version = before?.Version ?? 0;
        if (ETags.Precondition(http, version) is { } failed)
        {
            return failed;
        }

        var errors = new FieldErrors();
        var card = DutyRatesValidation.Validate(request, unitId, periodId, clock.GetCurrentInstant(), errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var saved = await DutyRateStore.SaveAsync(work, card, version, ct);
        if (saved is null)
        {
            return ApiProblems.Stale();
        }

        var body = DutyRatesResponse.From(unitId, periodId, saved);
        await audit.RecordAsync(work, auditUnitId, "duty-rates", (object?)unitId ?? periodId!, before is null ? "create" : "update",
            before is null ? null : DutyRatesResponse.From(unitId, periodId, before), body, ct);
        ETags.Set(http.HttpContext.Response, saved.Version);
        return TypedResults.Ok(body);
    }
}
