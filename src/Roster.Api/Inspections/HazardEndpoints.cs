using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.Inspections;
using Roster.Core.Storage.Submissions;
using Roster.Core.Storage.Units;

namespace Roster.Api.Inspections;

/// <summary>Hazards found by inspections, tracked until the unit's administrators close them (整改).</summary>
internal static class HazardEndpoints
{
    /// <summary>Hazards of <c>unit</c>'s subtree (default: every readable unit); open ones unless <c>all=true</c>.</summary>
    public static async Task<Results<Ok<IReadOnlyList<HazardResponse>>, ProblemHttpResult>> ListAsync(
        Guid? unit, Guid? period, bool? all, AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var readable = await access.ReadableAsync(work, ct);
        if (unit is { } u && !readable.Contains(u))
        {
            return ApiProblems.NotFound("unit");
        }

        IReadOnlyCollection<Guid> units = unit is { } root ? await UnitStore.SubtreeAsync(work, root, ct) : readable;
        var rows = await HazardStore.OfUnitsAsync(work, units, period, all ?? false, ct);
        var now = clock.GetCurrentInstant();
        return TypedResults.Ok<IReadOnlyList<HazardResponse>>(rows.Select(h => HazardResponse.From(h, now)).ToList());
    }

    public static async Task<Results<Ok<HazardResponse>, ProblemHttpResult>> RectifyAsync(
        Guid id, RectificationRequest request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var owner = errors.Text("owner", request.Owner, 100);
        var dueAt = errors.Required("dueAt", request.DueAt);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, access, ct)).Failed(out var problem, out var hazard))
        {
            return problem;
        }

        if (dueAt <= hazard.FoundAt)
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add("dueAt", "must be after the hazard was found"));
        }

        var saved = await HazardStore.SetRectificationAsync(work, id, owner, dueAt, ct);
        var now = clock.GetCurrentInstant();
        await audit.RecordAsync(work, hazard.UnitId, "hazard", id, "rectification", HazardResponse.From(hazard, now), HazardResponse.From(saved, now), ct);
        return TypedResults.Ok(HazardResponse.From(saved, now));
    }

    public static async Task<Results<Ok<HazardResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, CloseHazardRequest? request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("note", request?.Note, 2000);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, access, ct)).Failed(out var problem, out var hazard))
        {
            return problem;
        }

        var now = clock.GetCurrentInstant();
        var closed = await HazardStore.CloseAsync(work, id, now, access.AccountId, note, ct);
        if (closed is null)
        {
            return ApiProblems.Conflict("This hazard is already closed.");
        }

        await OversightFlagStore.CloseAsync(work, InspectionFlagScan.HazardOverdue, hazard.UnitId, hazard.PeriodId, id.ToString(), now, ct);
        await audit.RecordAsync(work, hazard.UnitId, "hazard", id, "close", HazardResponse.From(hazard, now), HazardResponse.From(closed, now), ct);
        return TypedResults.Ok(HazardResponse.From(closed, now));
    }

    private static async Task<Found<HazardRow>> FindWritableAsync(DbWork work, Guid id, AccessScope access, CancellationToken ct) =>
        await AdministeredRows.CheckAsync(work, await HazardStore.FindForUpdateAsync(work, id, ct), h => h.UnitId, access, "hazard",
            "Only an administrator of the unit may assign or close its hazards.", ct);
}
