using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.Units;

namespace Roster.Api.Units;

/// <summary>The organisation tree. Admins of a unit create and change the units below it.</summary>
internal static class UnitEndpoints
{
    public static void MapUnits(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("/units").WithTags("Units");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
    }

    private static async Task<Results<Ok<Page<UnitResponse>>, ProblemHttpResult>> ListAsync(
        Guid? parent, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
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
        var visible = await access.ReadableAsync(work, ct);
        var rows = await UnitStore.ListAsync(work, visible, parent, page.AfterId, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(), UnitResponse.From));
    }

    private static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var unit = await UnitStore.FindAsync(work, id, ct);
        if (unit is null || !await access.CanReadAsync(work, id, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        ETags.Set(response, unit.Version);
        return TypedResults.Ok(UnitResponse.From(unit));
    }

    private static async Task<Results<Created<UnitResponse>, ProblemHttpResult>> CreateAsync(
        UnitRequest request, HttpResponse response, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parentId = errors.Required("parentId", request.ParentId);
        var (code, name, nameEn, zone) = UnitValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if (!await access.CanAdministerAsync(work, parentId, ct))
        {
            return ApiProblems.Invalid("parentId", "is not a unit you administer");
        }

        var created = await UnitStore.InsertAsync(work, new UnitRow
        {
            ParentId = parentId, Code = code, Name = name, NameEn = nameEn, TimeZone = zone, CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        var body = UnitResponse.From(created);
        await audit.RecordAsync(work, created.Id, "unit", created.Id, "create", null, body, ct);
        ETags.Set(response, created.Version);
        return TypedResults.Created($"/api/v1/units/{created.Id}", body);
    }

    private static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, UnitRequest request, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var unit = await UnitStore.FindAsync(work, id, ct);
        if (unit is null || !await access.CanReadAsync(work, id, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!await access.CanAdministerAsync(work, id, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of this unit or a unit above it may change it.");
        }

        if (ETags.Precondition(http, unit.Version) is { } failed)
        {
            return failed;
        }

        var errors = new FieldErrors();
        var (code, name, nameEn, zone) = UnitValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var moveProblem = await UnitMoves.CheckAsync(work, unit, request, access, ct);
        if (moveProblem is not null)
        {
            return moveProblem;
        }

        var updated = await UnitStore.UpdateAsync(work, new UnitRow
        {
            Id = id, ParentId = request.ParentId ?? unit.ParentId, Code = code, Name = name, NameEn = nameEn, TimeZone = zone,
            Active = request.Active ?? unit.Active, Version = unit.Version,
        }, ct);
        if (updated is null)
        {
            return ApiProblems.Stale();
        }

        var body = UnitResponse.From(updated);
        await audit.RecordAsync(work, id, "unit", id, "update", UnitResponse.From(unit), body, ct);
        ETags.Set(http.HttpContext.Response, updated.Version);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var unit = await UnitStore.FindAsync(work, id, ct);
        if (unit is null || !await access.CanReadAsync(work, id, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (unit.ParentId is not { } parentId || !await access.CanAdministerAsync(work, parentId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit above may delete a unit.");
        }

        if (ETags.Precondition(http, unit.Version) is { } failed)
        {
            return failed;
        }

        if (await UnitStore.HasDependentsAsync(work, id, ct))
        {
            return ApiProblems.Conflict("The unit still has units, people, periods or rosters; remove them first.");
        }

        await audit.RecordAsync(work, parentId, "unit", id, "delete", UnitResponse.From(unit), null, ct);
        await UnitStore.DeleteAsync(work, id, unit.Version, ct);
        return TypedResults.NoContent();
    }
}
