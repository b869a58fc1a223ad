using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>The shift pattern of a period, one shift at a time.</summary>
internal static class ShiftEndpoints
{
    public static void MapShifts(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("/periods/{periodId:guid}/shifts").WithTags("Shifts");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
    }

    private static async Task<Results<Ok<Page<ShiftResponse>>, ProblemHttpResult>> ListAsync(
        Guid periodId, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var problem))
        {
            return problem;
        }

        if (page.After is not null && page.AfterId is null)
        {
            return ApiProblems.Invalid("after", "is not a cursor returned by this list");
        }

        var work = transaction.Work;
        if (await PeriodEndpoints.FindVisibleAsync(work, periodId, access, ct) is null)
        {
            return ApiProblems.NotFound("period");
        }

        var rows = await ShiftStore.ListAsync(work, periodId, page.AfterId, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(), ShiftResponse.From));
    }

    private static async Task<Results<Ok<ShiftResponse>, ProblemHttpResult>> GetAsync(
        Guid periodId, Guid id, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var shift = await PeriodEndpoints.FindVisibleAsync(work, periodId, access, ct) is null
            ? null
            : await ShiftStore.FindAsync(work, periodId, id, ct);
        if (shift is null)
        {
            return ApiProblems.NotFound("shift");
        }

        ETags.Set(response, shift.Version);
        return TypedResults.Ok(ShiftResponse.From(shift));
    }

    private static async Task<Results<Created<ShiftResponse>, ProblemHttpResult>> CreateAsync(
        Guid periodId, ShiftRequest request, HttpResponse response, AccessScope access, Auditor audit, IClock clock,
        RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await PeriodEndpoints.FindAdministeredAsync(work, periodId, access, ct)).Failed(out var problem, out var period))
        {
            return problem;
        }

        var errors = new FieldErrors();
        var row = ShiftValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        // Under the period's row lock, so two creators cannot both take the last place.
        await PeriodStore.LockAsync(work, periodId, ct);
        if ((await ShiftStore.AllAsync(work, periodId, ct)).Count >= ShiftValidation.MaxShiftsPerPeriod)
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add("code", $"a period has at most {ShiftValidation.MaxShiftsPerPeriod} shifts"));
        }

        var created = await ShiftStore.InsertAsync(work, new ShiftRow
        {
            PeriodId = periodId, Code = row.Code, Name = row.Name, NameEn = row.NameEn, DayTypes = row.DayTypes,
            StartsAt = row.StartsAt, Length = row.Length, Headcount = row.Headcount, Presence = row.Presence, Standby = row.Standby, CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        var body = ShiftResponse.From(created);
        await audit.RecordAsync(work, period.UnitId, "shift", created.Id, "create", null, body, ct);
        ETags.Set(response, created.Version);
        return TypedResults.Created($"/api/v1/periods/{periodId}/shifts/{created.Id}", body);
    }

    private static async Task<Results<Ok<ShiftResponse>, ProblemHttpResult>> UpdateAsync(
        Guid periodId, Guid id, ShiftRequest request, HttpRequest http, AccessScope access, Auditor audit,
        RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, periodId, id, http, access, ct)).Failed(out var problem, out var found))
        {
            return problem;
        }

        var (period, shift) = found;

        var errors = new FieldErrors();
        var row = ShiftValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var updated = await ShiftStore.UpdateAsync(work, new ShiftRow
        {
            Id = id, PeriodId = periodId, Code = row.Code, Name = row.Name, NameEn = row.NameEn, DayTypes = row.DayTypes,
            StartsAt = row.StartsAt, Length = row.Length, Headcount = row.Headcount, Presence = row.Presence, Standby = row.Standby, Version = shift.Version,
        }, ct);
        if (updated is null)
        {
            return ApiProblems.Stale();
        }

        var body = ShiftResponse.From(updated);
        await audit.RecordAsync(work, period.UnitId, "shift", id, "update", ShiftResponse.From(shift), body, ct);
        ETags.Set(http.HttpContext.Response, updated.Version);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid periodId, Guid id, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, periodId, id, http, access, ct)).Failed(out var problem, out var found))
        {
            return problem;
        }

        var (period, shift) = found;

        await audit.RecordAsync(work, period.UnitId, "shift", id, "delete", ShiftResponse.From(shift), null, ct);
        await ShiftStore.DeleteAsync(work, periodId, id, shift.Version, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Found<(PeriodRow Period, ShiftRow Shift)>> FindWritableAsync(
        DbWork work, Guid periodId, Guid id, HttpRequest http, AccessScope access, CancellationToken ct)
    {
        if ((await PeriodEndpoints.FindAdministeredAsync(work, periodId, access, ct)).Failed(out var problem, out var period))
        {
            return problem;
        }

        var shift = await ShiftStore.FindAsync(work, periodId, id, ct);
        if (shift is null)
        {
            return ApiProblems.NotFound("shift");
        }

        return ETags.Precondition(http, shift.Version) is { } failed ? failed : (period, shift);
    }
}
