using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Periods;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Storage.Inspections;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Inspections;

/// <summary>Required special inspections and patrols (专项检查 / 巡查) of a period, declared by the units that oversee them.</summary>
internal static class InspectionEndpoints
{
    public static void MapInspections(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("").WithTags("Inspections");
        group.MapPost("/periods/{periodId:guid}/inspection-requirements", CreateAsync);
        group.MapGet("/periods/{periodId:guid}/inspection-requirements", ListAsync);
        var roster = groups.Roster.MapGroup("").WithTags("Inspections");
        roster.MapPost("/inspections:schedule", InspectionScheduling.ScheduleAsync).Administered();
        roster.MapGet("/inspection-tasks", InspectionTasks.ListAsync);
        group.MapPost("/inspection-tasks/{id:guid}:record", InspectionTasks.RecordAsync);
        group.MapGet("/periods/{periodId:guid}/inspection-progress", InspectionProgressEndpoint.ProgressAsync);
        group.MapGet("/hazards", HazardEndpoints.ListAsync).WithTags("Hazards");
        group.MapPut("/hazards/{id:guid}/rectification", HazardEndpoints.RectifyAsync).WithTags("Hazards");
        group.MapPost("/hazards/{id:guid}:close", HazardEndpoints.CloseAsync).WithTags("Hazards");
    }

    private static async Task<Results<Created<RequirementResponse>, ProblemHttpResult>> CreateAsync(
        Guid periodId, RequirementRequest request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var period = await PeriodEndpoints.FindVisibleAsync(work, periodId, access, ct);
        if (period is null)
        {
            return ApiProblems.NotFound("period");
        }

        var target = request.UnitId ?? period.UnitId;
        if (await UnitStore.FindAsync(work, target, ct) is null
            || !(await access.RelatedAsync(work, ct)).Contains(target))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!(await access.OverseenAsync(work, ct)).Contains(target))
        {
            return ApiProblems.Forbidden("Only administrators and supervisors of the unit may require inspections of it.");
        }

        var errors = new FieldErrors();
        var ruleErrors = new FieldErrors();
        if (request.UnitId is { } unitId && (unitId == period.UnitId || !await AccessScope.AppliesToAsync(work, period.UnitId, unitId, ct)))
        {
            errors.Add("unitId", "must be a unit below the one that declared the period (omit it to require it of every unit)");
        }

        var codes = (await ShiftStore.AllAsync(work, periodId, ct)).Select(s => s.Code).ToList();
        var row = RequirementValidation.Validate(request, period, codes, errors, ruleErrors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        if (ruleErrors.Any)
        {
            return ApiProblems.Unprocessable(ruleErrors);
        }

        var saved = await RequirementStore.InsertAsync(work, new RequirementRow
        {
            PeriodId = row.PeriodId, UnitId = row.UnitId, Kind = row.Kind, Title = row.Title, Checklist = row.Checklist, MinCount = row.MinCount,
            WindowFirst = row.WindowFirst, WindowLast = row.WindowLast, PatrolShift = row.PatrolShift, LeadDays = row.LeadDays,
            CreatedAt = clock.GetCurrentInstant(), CreatedBy = access.AccountId,
        }, ct);
        var body = RequirementResponse.From(saved);
        await audit.RecordAsync(work, target, "inspection-requirement", saved.Id, "create", null, body, ct);
        return TypedResults.Created($"/api/v1/periods/{periodId}/inspection-requirements/{saved.Id}", body);
    }

    /// <summary>The period's requirements; with <c>unit</c>, those that apply to that unit.</summary>
    private static async Task<Results<Ok<IReadOnlyList<RequirementResponse>>, ProblemHttpResult>> ListAsync(
        Guid periodId, Guid? unit, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (await PeriodEndpoints.FindVisibleAsync(work, periodId, access, ct) is null)
        {
            return ApiProblems.NotFound("period");
        }

        if (unit is { } u && !await access.CanReadAsync(work, u, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var rows = await RequirementStore.OfPeriodAsync(work, periodId, unit, ct);
        if (unit is null)
        {
            // Without a unit: the requirements aimed at a unit the caller can read, or at every unit of the period.
            var readable = await access.ReadableAsync(work, ct);
            rows = rows.Where(r => r.UnitId is not { } target || readable.Contains(target)).ToList();
        }

        return TypedResults.Ok<IReadOnlyList<RequirementResponse>>(rows.Select(RequirementResponse.From).ToList());
    }
}
