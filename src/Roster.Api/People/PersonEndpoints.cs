using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.People;

/// <summary>People of a unit: readable by anyone granted on the unit, changed by its admins.</summary>
internal static class PersonEndpoints
{
    public static void MapPeople(this ApiGroups groups)
    {
        groups.Work.MapGet("/units/{unitId:guid}/people", ListAsync).WithTags("People");
        groups.Work.MapPost("/units/{unitId:guid}/people", CreateAsync).WithTags("People");
        var group = groups.Work.MapGroup("/people").WithTags("People");
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
    }

    private static async Task<Results<Ok<Page<PersonResponse>>, ProblemHttpResult>> ListAsync(
        Guid unitId, bool? active, string? role, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var problem))
        {
            return problem;
        }

        if (page.After is not null && page.AfterId is null)
        {
            return ApiProblems.Invalid("after", "is not a cursor returned by this list");
        }

        if (role is { Length: > 32 })
        {
            return ApiProblems.Invalid("role", "must be at most 32 characters");
        }

        var work = transaction.Work;
        if (!await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var rows = await PersonStore.ListAsync(work, unitId, active, role, page.AfterId, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(), PersonResponse.From));
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var person = await PersonStore.FindAsync(work, id, ct);
        if (person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("person");
        }

        ETags.Set(response, person.Version);
        return TypedResults.Ok(PersonResponse.From(person));
    }

    private static async Task<Results<Created<PersonResponse>, ProblemHttpResult>> CreateAsync(
        Guid unitId, PersonRequest request, HttpResponse response, AccessScope access, Auditor audit, IClock clock,
        RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (await UnitStore.FindAsync(work, unitId, ct) is null
            || !await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of this unit may add people.");
        }

        var errors = new FieldErrors();
        var row = PersonValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var created = await PersonStore.InsertAsync(work, new PersonRow
        {
            UnitId = unitId, Name = row.Name, EmploymentType = row.EmploymentType, Roles = row.Roles, Tags = row.Tags,
            Phone = row.Phone, Email = row.Email, Active = row.Active, CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        var body = PersonResponse.From(created);
        await audit.RecordAsync(work, unitId, "person", created.Id, "create", null, body, ct);
        ETags.Set(response, created.Version);
        return TypedResults.Created($"/api/v1/people/{created.Id}", body);
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, PersonRequest request, HttpRequest http, AccessScope access, Auditor audit, IClock clock, RequestWork transaction,
        CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, http, access, ct)).Failed(out var problem, out var person))
        {
            return problem;
        }

        var errors = new FieldErrors();
        var row = PersonValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var updated = await PersonStore.UpdateAsync(work, new PersonRow
        {
            Id = id, UnitId = person.UnitId, Name = row.Name, EmploymentType = row.EmploymentType, Roles = row.Roles,
            Tags = row.Tags, Phone = row.Phone, Email = row.Email, Active = row.Active, Version = person.Version,
        }, ct);
        if (updated is null)
        {
            return ApiProblems.Stale();
        }

        var body = PersonResponse.From(updated);
        await audit.RecordAsync(work, person.UnitId, "person", id, "update", PersonResponse.From(person), body, ct);
        await PublishedRosterChanges.AfterPeopleChangedAsync(work, person.UnitId, clock.GetCurrentInstant(), ct);
        ETags.Set(http.HttpContext.Response, updated.Version);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, http, access, ct)).Failed(out var problem, out var person))
        {
            return problem;
        }

        if (await PersonStore.HasAssignmentsOrAccountAsync(work, id, ct))
        {
            return ApiProblems.Conflict("The person has duty assignments or an account; set active to false instead.", "active");
        }

        await audit.RecordAsync(work, person.UnitId, "person", id, "delete", PersonResponse.From(person), null, ct);
        await PersonStore.DeleteAsync(work, id, person.Version, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The person when the caller administers their unit and the If-Match is current; else the problem to answer.</summary>
    internal static async Task<Found<PersonRow>> FindWritableAsync(
        DbWork work, Guid id, HttpRequest http, AccessScope access, CancellationToken ct)
    {
        if ((await AdministeredRows.CheckAsync(work, await PersonStore.FindAsync(work, id, ct), p => p.UnitId, access, "person",
                "Only an administrator of the person's unit may change them.", ct)).Failed(out var problem, out var person))
        {
            return problem;
        }

        return ETags.Precondition(http, person.Version) is { } failed ? failed : person;
    }
}
