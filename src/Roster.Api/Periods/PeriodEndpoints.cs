using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Calendars;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Periods;

/// <summary>Critical periods. Declared by a unit's admins; visible to every unit below, which inherits them.</summary>
internal static class PeriodEndpoints
{
    public static void MapPeriods(this ApiGroups groups)
    {
        var group = groups.Work.MapGroup("/periods").WithTags("Periods");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
    }

    private static async Task<Results<Ok<Page<PeriodResponse>>, ProblemHttpResult>> ListAsync(
        Guid? unit, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
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
        IReadOnlyCollection<Guid> units;
        if (unit is { } unitId)
        {
            if (!await access.CanReadAsync(work, unitId, ct))
            {
                return ApiProblems.NotFound("unit");
            }

            // The periods that apply to the unit: declared on it or on any unit above it.
            units = await UnitStore.AncestorsAndSelfAsync(work, unitId, ct);
        }
        else
        {
            units = await access.RelatedAsync(work, ct);
        }

        var rows = await PeriodStore.ListAsync(work, units, page.AfterId, page.Limit + 1, ct);
        var warnings = new Dictionary<Guid, IReadOnlyList<PeriodWarning>>();
        foreach (var row in rows)
        {
            warnings[row.Id] = await PeriodWarnings.ForAsync(work, row, ct);
        }

        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(), r => PeriodResponse.From(r, warnings[r.Id])));
    }

    private static async Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var period = await FindVisibleAsync(work, id, access, ct);
        if (period is null)
        {
            return ApiProblems.NotFound("period");
        }

        ETags.Set(response, period.Version);
        return TypedResults.Ok(PeriodResponse.From(period, await PeriodWarnings.ForAsync(work, period, ct)));
    }

    private static async Task<Results<Created<PeriodResponse>, ProblemHttpResult>> CreateAsync(
        PeriodRequest request, HttpResponse response, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ruleErrors = new FieldErrors();
        var unitId = errors.Required("unitId", request.UnitId);
        var (name, first, last, rules) = PeriodValidation.Validate(request, errors, ruleErrors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        if (ruleErrors.Any)
        {
            return ApiProblems.Unprocessable(ruleErrors);
        }

        var work = transaction.Work;
        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Invalid("unitId", "is not a unit you administer");
        }

        var calendarId = await CalendarAccess.ResolveAsync(work, request.CalendarId, access, errors, ct);
        var (rosterUnits, rosterUnitIds, rosterOwnUnit) = await RosterUnitsValidation.ValidateAsync(
            work, unitId, request.RosterUnits, ("all", [], false), errors, ct);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var created = await PeriodStore.InsertAsync(work, new PeriodRow
        {
            UnitId = unitId, Name = name, FirstDay = first, LastDay = last, CalendarId = calendarId, Rules = rules,
            DailyReportDue = request.DailyReportDue ?? new LocalTime(16, 0), IncidentAckMinutes = request.IncidentAckMinutes ?? 20,
            RequiresApproval = request.RequiresApproval ?? false, SubmissionDue = request.SubmissionDue,
            RosterUnits = rosterUnits, RosterUnitIds = rosterUnitIds, RosterOwnUnit = rosterOwnUnit,
            CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        var body = PeriodResponse.From(created);
        await audit.RecordAsync(work, unitId, "period", created.Id, "create", null, body, ct);
        var warnings = await PeriodWarnings.ForAsync(work, created, ct);
        ETags.Set(response, created.Version);
        return TypedResults.Created($"/api/v1/periods/{created.Id}", body with { Warnings = warnings });
    }

    private static async Task<Results<Ok<PeriodResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, PeriodRequest request, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, http, access, ct)).Failed(out var problem, out var period))
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (request.UnitId is { } unitId && unitId != period.UnitId)
        {
            errors.Add("unitId", "cannot change; declare a new period on the other unit instead");
        }

        var ruleErrors = new FieldErrors();
        var (name, first, last, rules) = PeriodValidation.Validate(request, errors, ruleErrors);
        var calendarId = request.CalendarId is null
            ? period.CalendarId
            : await CalendarAccess.ResolveAsync(work, request.CalendarId, access, errors, ct);
        var (rosterUnits, rosterUnitIds, rosterOwnUnit) = await RosterUnitsValidation.ValidateAsync(
            work, period.UnitId, request.RosterUnits, (period.RosterUnits, period.RosterUnitIds, period.RosterOwnUnit), errors, ct);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        if (ruleErrors.Any)
        {
            return ApiProblems.Unprocessable(ruleErrors);
        }

        var updated = await PeriodStore.UpdateAsync(work, new PeriodRow
        {
            Id = id, UnitId = period.UnitId, Name = name, FirstDay = first, LastDay = last, CalendarId = calendarId,
            Rules = rules, DailyReportDue = request.DailyReportDue ?? period.DailyReportDue,
            IncidentAckMinutes = request.IncidentAckMinutes ?? period.IncidentAckMinutes, Version = period.Version,
            RequiresApproval = request.RequiresApproval ?? period.RequiresApproval, SubmissionDue = request.SubmissionDue ?? period.SubmissionDue,
            RosterUnits = rosterUnits, RosterUnitIds = rosterUnitIds, RosterOwnUnit = rosterOwnUnit,
        }, ct);
        if (updated is null)
        {
            return ApiProblems.Stale();
        }

        var body = PeriodResponse.From(updated);
        await audit.RecordAsync(work, period.UnitId, "period", id, "update", PeriodResponse.From(period), body, ct);
        var warnings = await PeriodWarnings.ForAsync(work, updated, ct);
        ETags.Set(http.HttpContext.Response, updated.Version);
        return TypedResults.Ok(body with { Warnings = warnings });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpRequest http, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await FindWritableAsync(work, id, http, access, ct)).Failed(out var problem, out var period))
        {
            return problem;
        }

        if (await PeriodStore.HasRostersAsync(work, id, ct))
        {
            return ApiProblems.Conflict("The period has rosters; it cannot be deleted.");
        }

        await audit.RecordAsync(work, period.UnitId, "period", id, "delete", PeriodResponse.From(period), null, ct);
        await PeriodStore.DeleteAsync(work, id, period.Version, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The period when it applies to, or was declared within, the caller's units.</summary>
    internal static async Task<PeriodRow?> FindVisibleAsync(DbWork work, Guid id, AccessScope access, CancellationToken ct)
    {
        var period = await PeriodStore.FindAsync(work, id, ct);
        return period is not null && (await access.RelatedAsync(work, ct)).Contains(period.UnitId)
            ? period
            : null;
    }

    /// <summary>The period when the caller administers the unit that declared it; else the problem to answer.</summary>
    internal static async Task<Found<PeriodRow>> FindAdministeredAsync(DbWork work, Guid id, AccessScope access, CancellationToken ct)
    {
        var period = await FindVisibleAsync(work, id, access, ct);
        if (period is null)
        {
            return ApiProblems.NotFound("period");
        }

        if (!await access.CanAdministerAsync(work, period.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit that declared the period may change it.");
        }

        return period;
    }

    private static async Task<Found<PeriodRow>> FindWritableAsync(
        DbWork work, Guid id, HttpRequest http, AccessScope access, CancellationToken ct)
    {
        if ((await FindAdministeredAsync(work, id, access, ct)).Failed(out var problem, out var period))
        {
            return problem;
        }

        return ETags.Precondition(http, period.Version) is { } failed ? failed : period;
    }
}
