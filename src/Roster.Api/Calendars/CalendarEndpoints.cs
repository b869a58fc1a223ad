using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Calendars;
using Roster.Core.Storage;
using Roster.Core.Storage.Calendars;

namespace Roster.Api.Calendars;

/// <summary>Holiday calendars: the built-in official one, and custom ones that a unit's admins keep.</summary>
internal static class CalendarEndpoints
{
    /// <summary>The longest date range one day listing covers.</summary>
    private const int MaxDays = 366;

    public static void MapCalendars(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("/calendars").WithTags("Calendars");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/days", DaysAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
    }

    private static async Task<Results<Ok<Page<CalendarResponse>>, ProblemHttpResult>> ListAsync(
        string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
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
        var related = await access.RelatedAsync(work, ct);
        var rows = await CalendarStore.ListAsync(work, related, page.AfterId, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(), CalendarResponse.From));
    }

    private static async Task<Results<Ok<CalendarResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var calendar = await CalendarAccess.FindVisibleAsync(work, id, access, ct);
        if (calendar is null)
        {
            return ApiProblems.NotFound("calendar");
        }

        ETags.Set(response, calendar.Version);
        return TypedResults.Ok(CalendarResponse.From(calendar));
    }

    /// <summary>The day type and holiday name of each date from <c>from</c> to <c>to</c>, both included.</summary>
    private static async Task<Results<Ok<IReadOnlyList<CalendarDayResponse>>, ProblemHttpResult>> DaysAsync(
        Guid id, string? from, string? to, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = errors.Required("from", QueryValues.Date(errors, "from", from) ?? (from is null ? null : default(LocalDate)));
        var last = errors.Required("to", QueryValues.Date(errors, "to", to) ?? (to is null ? null : default(LocalDate)));
        if (!errors.Any && (last < first || Period.DaysBetween(first, last) >= MaxDays))
        {
            errors.Add("to", $"must be on or after from and within {MaxDays} days of it");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        var row = await CalendarAccess.FindVisibleAsync(work, id, access, ct);
        if (row is null)
        {
            return ApiProblems.NotFound("calendar");
        }

        var calendar = HolidayCalendar.FromJson(row.Document);
        var days = new DateInterval(first, last).Select(d =>
        {
            var holiday = calendar.HolidayOn(d);
            return new CalendarDayResponse(d, calendar.DayTypeOf(d), holiday?.Name, holiday?.NameEn);
        }).ToList();
        return TypedResults.Ok<IReadOnlyList<CalendarDayResponse>>(days);
    }

    private static async Task<Results<Created<CalendarResponse>, ProblemHttpResult>> CreateAsync(
        CalendarRequest request, HttpResponse response, AccessScope access, Auditor audit, IClock clock,
        RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var unitId = errors.Required("unitId", request.UnitId);
        var (code, name, document) = CalendarValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Invalid("unitId", "is not a unit you administer");
        }

        var created = await CalendarStore.InsertAsync(work, new CalendarRow
        {
            UnitId = unitId, Code = code, Name = name, Document = document, CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        var body = CalendarResponse.From(created);
        await audit.RecordAsync(work, unitId, "calendar", created.Id, "create", null, body, ct);
        ETags.Set(response, created.Version);
        return TypedResults.Created($"/api/v1/calendars/{created.Id}", body);
    }

    private static async Task<Results<Ok<CalendarResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, CalendarRequest request, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, http, access, ct)).Failed(out var problem, out var calendar))
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (request.UnitId is { } unitId && unitId != calendar.UnitId)
        {
            errors.Add("unitId", "cannot change");
        }

        var (code, name, document) = CalendarValidation.Validate(request, errors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var updated = await CalendarStore.UpdateAsync(work, new CalendarRow
        {
            Id = id, UnitId = calendar.UnitId, Code = code, Name = name, Document = document, Version = calendar.Version,
        }, ct);
        if (updated is null)
        {
            return ApiProblems.Stale();
        }

        var body = CalendarResponse.From(updated);
        await audit.RecordAsync(work, calendar.UnitId, "calendar", id, "update", CalendarResponse.From(calendar), body, ct);
        ETags.Set(http.HttpContext.Response, updated.Version);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, http, access, ct)).Failed(out var problem, out var calendar))
        {
            return problem;
        }

        if (await CalendarStore.InUseAsync(work, id, ct))
        {
            return ApiProblems.Conflict("A period uses this calendar; choose another calendar for it first.");
        }

        await audit.RecordAsync(work, calendar.UnitId, "calendar", id, "delete", CalendarResponse.From(calendar), null, ct);
        await CalendarStore.DeleteAsync(work, id, calendar.Version, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Found<CalendarRow>> FindWritableAsync(
        DbWork work, Guid id, HttpRequest http, AccessScope access, CancellationToken ct)
    {
        var calendar = await CalendarAccess.FindVisibleAsync(work, id, access, ct);
        if (calendar is null)
        {
            return ApiProblems.NotFound("calendar");
        }

        if (calendar.UnitId is not { } owner || !await access.CanAdministerAsync(work, owner, ct))
        {
            return ApiProblems.Forbidden("Built-in calendars are read-only; others only their unit's administrators change.");
        }

        return ETags.Precondition(http, calendar.Version) is { } failed ? failed : calendar;
    }
}
