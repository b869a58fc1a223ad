using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Idempotency;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Leave;
using Roster.Core.Storage;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.People;

/// <summary>Leave and days off recorded by a unit's admins.</summary>
internal static class LeaveEndpoints
{
    public static void MapLeaves(this ApiGroups groups)
    {
        var leaves = groups.Work.MapGroup("").WithTags("Leave");
        leaves.MapGet("/people/{personId:guid}/leaves", ListAsync);
        leaves.MapPost("/people/{personId:guid}/leaves", CreateAsync).Idempotent();
        leaves.MapPut("/leaves/{id:guid}", UpdateAsync);
        leaves.MapDelete("/leaves/{id:guid}", DeleteAsync);
    }

    private static async Task<Results<Ok<Page<LeaveResponse>>, ProblemHttpResult>> ListAsync(
        Guid personId, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
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
        var person = await PersonStore.FindAsync(work, personId, ct);
        if (person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("person");
        }

        var rows = await LeaveStore.ListAsync(work, personId, page.AfterId, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(), LeaveResponse.From));
    }

    private static async Task<Results<Created<LeaveResponse>, ProblemHttpResult>> CreateAsync(
        Guid personId, LeaveRequest request, HttpResponse response, AccessScope access, Auditor audit, IClock clock,
        RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var person = await PersonStore.FindAsync(work, personId, ct);
        if (person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("person");
        }

        // Staff ask for their own leave (it waits for approval); admins record leave of anyone in their units.
        var admin = await access.CanAdministerAsync(work, person.UnitId, ct);
        var own = await access.PersonIdAsync(work, ct) == personId;
        if (!admin && !own)
        {
            return ApiProblems.Forbidden("Only the person themself or an administrator of their unit may ask for leave.");
        }

        var errors = new FieldErrors();
        var row = LeaveValidation.Validate(LeaveRules.RecordsAsGiven(admin, own) ? request : request with { Status = LeaveStatus.Requested.Code }, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        if (await CompensatoryCheck.RefuseAsync(work, personId, row, null, clock.GetCurrentInstant(), ct) is { } refused)
        {
            return refused;
        }

        var created = await LeaveStore.InsertAsync(work, new LeaveRow
        {
            PersonId = personId, FirstDay = row.FirstDay, LastDay = row.LastDay, Kind = row.Kind, Status = row.Status,
            Reason = row.Reason, Hours = row.Hours, CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        var body = LeaveResponse.From(created);
        await audit.RecordAsync(work, person.UnitId, "leave", created.Id, "create", null, body, ct);
        await PublishedRosterChanges.AfterPeopleChangedAsync(work, person.UnitId, clock.GetCurrentInstant(), ct);
        ETags.Set(response, created.Version);
        return TypedResults.Created($"/api/v1/leaves/{created.Id}", body);
    }

    private static async Task<Results<Ok<LeaveResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, LeaveRequest request, HttpRequest http, AccessScope access, Auditor audit, IClock clock, RequestWork transaction,
        CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, http, access, ct)).Failed(out var problem, out var writable))
        {
            return problem;
        }

        var (leave, unitId) = writable;

        var errors = new FieldErrors();
        var row = LeaveValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        if (leave.Status != LeaveStatus.Approved && LeaveRules.ApprovesOwn(row.Status, await access.PersonIdAsync(work, ct), leave.PersonId))
        {
            return ApiProblems.Forbidden("Separation of duties: nobody approves their own leave; another administrator decides.");
        }

        if (await CompensatoryCheck.RefuseAsync(work, leave.PersonId, row, id, clock.GetCurrentInstant(), ct) is { } refused)
        {
            return refused;
        }

        var updated = await LeaveStore.UpdateAsync(work, new LeaveRow
        {
            Id = id, PersonId = leave.PersonId, FirstDay = row.FirstDay, LastDay = row.LastDay, Kind = row.Kind,
            Status = row.Status, Reason = row.Reason, Hours = row.Hours, Version = leave.Version,
        }, ct);
        if (updated is null)
        {
            return ApiProblems.Stale();
        }

        var body = LeaveResponse.From(updated);
        await audit.RecordAsync(work, unitId, "leave", id, "update", LeaveResponse.From(leave), body, ct);
        await PublishedRosterChanges.AfterPeopleChangedAsync(work, unitId, clock.GetCurrentInstant(), ct);
        ETags.Set(http.HttpContext.Response, updated.Version);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpRequest http, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, http, access, ct)).Failed(out var problem, out var writable))
        {
            return problem;
        }

        var (leave, unitId) = writable;

        await audit.RecordAsync(work, unitId, "leave", id, "delete", LeaveResponse.From(leave), null, ct);
        await LeaveStore.DeleteAsync(work, id, leave.Version, ct);
        await PublishedRosterChanges.AfterPeopleChangedAsync(work, unitId, clock.GetCurrentInstant(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Found<(LeaveRow Leave, Guid UnitId)>> FindWritableAsync(
        DbWork work, Guid id, HttpRequest http, AccessScope access, CancellationToken ct)
    {
        var leave = await LeaveStore.FindAsync(work, id, ct);
        var person = leave is null ? null : await PersonStore.FindAsync(work, leave.PersonId, ct);
        if (leave is null || person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("leave");
        }

        if (!await access.CanAdministerAsync(work, person.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the person's unit may change leave.");
        }

        if (ETags.Precondition(http, leave.Version) is { } failed)
        {
            return failed;
        }

        return (leave, person.UnitId);
    }
}
