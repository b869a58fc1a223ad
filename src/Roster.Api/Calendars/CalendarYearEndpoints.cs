using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Calendars;
using Roster.Core.Storage.Calendars;
using Roster.Core.Storage.Units;

namespace Roster.Api.Calendars;

/// <summary>
/// Loads one year's official dates into a calendar (the State Council publishes them each winter). A unit's own
/// calendar is changed by that unit's administrators; the shared built-in one by administrators of a bureau (a root unit).
/// </summary>
internal static class CalendarYearEndpoints
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static void MapCalendarYears(this ApiGroups groups) =>
        groups.Work.MapPut("/calendars/{id:guid}/years/{year:int}", PutAsync).WithTags("Calendars");

    private static async Task<Results<Ok<CalendarResponse>, ProblemHttpResult>> PutAsync(
        Guid id, int year, HolidayYearDocument? request, HttpRequest http, AccessScope access, Auditor audit,
        RequestWork transaction, CancellationToken ct)
    {
        if (year is < FirstYear or > LastYear)
        {
            return ApiProblems.Invalid("year", $"must be from {FirstYear} to {LastYear}");
        }

        if (request is null)
        {
            return ApiProblems.Invalid("body", "must be an object with holidays and makeUpWorkdays");
        }

        var work = transaction.Work;
        var calendar = await CalendarAccess.FindVisibleAsync(work, id, access, ct);
        if (calendar is null)
        {
            return ApiProblems.NotFound("calendar");
        }

        var administered = await access.AdministeredAsync(work, ct);
        var allowed = calendar.UnitId is { } owner
            ? administered.Contains(owner)
            : await UnitStore.AnyRootAsync(work, administered, ct);
        if (!allowed)
        {
            return ApiProblems.Forbidden(calendar.UnitId is null
                ? "Only an administrator of a bureau (a unit with nothing above it) may load years into the built-in calendar."
                : "Only an administrator of the calendar's unit may change it.");
        }

        // One year is written at a time, so If-Match is optional here; when sent, a stale one is refused.
        if (!ETags.MatchesTag(http, ETags.Of(calendar.Version)))
        {
            return ApiProblems.Stale();
        }

        var key = year.ToString(CultureInfo.InvariantCulture);
        var document = HolidayCalendarDocument.FromJson(calendar.Document);
        var years = new Dictionary<string, HolidayYearDocument>(document.Years, StringComparer.Ordinal) { [key] = request };
        var changed = document with { Years = years };
        var prefix = $"years.{key}.";
        var errors = new FieldErrors();
        foreach (var error in changed.Validate().Where(e => e.Field.StartsWith(prefix, StringComparison.Ordinal)))
        {
            errors.Add(error.Field[prefix.Length..], error.Message);
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var updated = await CalendarStore.UpdateDocumentAsync(work, id, changed.ToJson(), calendar.Version, ct);
        if (updated is null)
        {
            return ApiProblems.Stale();
        }

        await audit.RecordAsync(
            work, calendar.UnitId, "calendar", id, document.Years.ContainsKey(key) ? "update-year" : "load-year",
            new { year, dates = document.Years.GetValueOrDefault(key) }, new { year, dates = request }, ct);
        ETags.Set(http.HttpContext.Response, updated.Version);
        return TypedResults.Ok(CalendarResponse.From(updated));
    }
}
