using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.Feeds;

namespace Roster.Api.Feeds;

/// <summary>Creating, listing and revoking the secret addresses of calendar feeds.</summary>
internal static class CalendarTokenEndpoints
{
    /// <summary>How long a feed address works after it is created or renewed.</summary>
    public static readonly NodaTime.Duration Lifetime = NodaTime.Duration.FromDays(365);

    public static void MapCalendarTokens(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("").WithTags("Calendar feeds");
        group.MapGet("/people/{personId:guid}/calendar-tokens", (Guid personId, string? limit, string? after, AccessScope access,
            RequestWork transaction, CancellationToken ct) => ListAsync(personId, null, limit, after, access, transaction, ct));
        group.MapPost("/people/{personId:guid}/calendar-tokens", (Guid personId, CalendarTokenRequest? request, AccessScope access,
            Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct) => CreateAsync(personId, null, request, access, audit, clock, transaction, ct));
        group.MapGet("/units/{unitId:guid}/calendar-tokens", (Guid unitId, string? limit, string? after, AccessScope access,
            RequestWork transaction, CancellationToken ct) => ListAsync(null, unitId, limit, after, access, transaction, ct));
        group.MapPost("/units/{unitId:guid}/calendar-tokens", (Guid unitId, CalendarTokenRequest? request, AccessScope access,
            Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct) => CreateAsync(null, unitId, request, access, audit, clock, transaction, ct));
        group.MapGet("/calendar-tokens/{id:guid}", GetAsync);
        group.MapDelete("/calendar-tokens/{id:guid}", RevokeAsync);
        group.MapPost("/calendar-tokens/{id:guid}:renew", RenewAsync);
    }

    private static async Task<Results<Created<CalendarTokenResponse>, ProblemHttpResult>> CreateAsync(
        Guid? personId, Guid? unitId, CalendarTokenRequest? request, AccessScope access, Auditor audit, IClock clock,
        RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var label = errors.OptionalText("label", request?.Label, 100);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if ((await OwnerAsync(work, personId, unitId, access, ct)).Failed(out var problem, out var auditUnit))
        {
            return problem;
        }

        var (token, hash) = CalendarTokens.Create();
        var row = await CalendarTokenStore.InsertAsync(work, new CalendarTokenRow
        {
            TokenHash = hash, PersonId = personId, UnitId = unitId, Label = label, CreatedBy = access.AccountId,
            CreatedAt = clock.GetCurrentInstant(), ExpiresAt = clock.GetCurrentInstant() + Lifetime,
        }, ct);
        // The audit entry never holds the address: whoever reads the audit log must not be able to open the feed.
        await audit.RecordAsync(work, auditUnit, "calendar_token", row.Id, "create", null, CalendarTokenResponse.From(row), ct);
        return TypedResults.Created($"/api/v1/calendar-tokens/{row.Id}", CalendarTokenResponse.From(row, CalendarTokens.FeedPath(token)));
    }

    private static async Task<Results<Ok<Page<CalendarTokenResponse>>, ProblemHttpResult>> ListAsync(
        Guid? personId, Guid? unitId, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var pageProblem))
        {
            return pageProblem;
        }

        if (page.After is not null && page.AfterId is null)
        {
            return ApiProblems.Invalid("after", "is not a cursor returned by this list");
        }

        var work = transaction.Work;
        if ((await OwnerAsync(work, personId, unitId, access, ct)).Failed(out var problem, out _))
        {
            return problem;
        }

        var rows = await CalendarTokenStore.ListAsync(work, personId, unitId, page.AfterId, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(), r => CalendarTokenResponse.From(r)));
    }

    private static async Task<Results<Ok<CalendarTokenResponse>, ProblemHttpResult>> GetAsync(
        Guid id, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var row = await CalendarTokenStore.FindAsync(work, id, ct);
        if (row is null)
        {
            return ApiProblems.NotFound("calendar token");
        }

        return (await CalendarTokenAccess.TokenAsync(work, row, access, ct)).Failed(out var problem, out _)
            ? problem
            : TypedResults.Ok(CalendarTokenResponse.From(row));
    }

    /// <summary>Revokes at once: the feed answers 404 from now on. Revoking a revoked token changes nothing.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var row = await CalendarTokenStore.FindAsync(work, id, ct);
        if (row is null)
        {
            return ApiProblems.NotFound("calendar token");
        }

        if ((await CalendarTokenAccess.TokenAsync(work, row, access, ct)).Failed(out var problem, out var auditUnit))
        {
            return problem;
        }

        var revoked = await CalendarTokenStore.RevokeAsync(work, id, access.AccountId, clock.GetCurrentInstant(), ct);
        if (revoked is not null)
        {
            await audit.RecordAsync(work, auditUnit, "calendar_token", id, "revoke", CalendarTokenResponse.From(row),
                CalendarTokenResponse.From(revoked), ct);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Another <see cref="Lifetime"/> from now for a token that is not revoked (the address stays the same).</summary>
    private static async Task<Results<Ok<CalendarTokenResponse>, ProblemHttpResult>> RenewAsync(
        Guid id, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var row = await CalendarTokenStore.FindAsync(work, id, ct);
        if (row is null)
        {
            return ApiProblems.NotFound("calendar token");
        }

        if ((await CalendarTokenAccess.TokenAsync(work, row, access, ct)).Failed(out var problem, out var auditUnit))
        {
            return problem;
        }

        var renewed = await CalendarTokenStore.RenewAsync(work, id, clock.GetCurrentInstant() + Lifetime, ct);
        if (renewed is null)
        {
            return ApiProblems.Conflict("A revoked feed cannot be renewed; create a new one.", "id");
        }

        await audit.RecordAsync(work, auditUnit, "calendar_token", id, "renew", CalendarTokenResponse.From(row), CalendarTokenResponse.From(renewed), ct);
        return TypedResults.Ok(CalendarTokenResponse.From(renewed));
    }

    private static Task<Found<Guid>> OwnerAsync(
        DbWork work, Guid? personId, Guid? unitId, AccessScope access, CancellationToken ct) =>
        personId is { } person
            ? CalendarTokenAccess.PersonAsync(work, person, access, ct)
            : CalendarTokenAccess.UnitAsync(work, unitId!.Value, access, ct);
}
