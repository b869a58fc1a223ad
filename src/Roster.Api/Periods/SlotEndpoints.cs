using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Storage.Gaps;
using Roster.Core.Oversight;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>The slots a period asks of a unit, expanded from its shifts in the unit's time zone.</summary>
internal static class SlotEndpoints
{
    public static void MapSlots(this ApiGroups groups) =>
        groups.Roster.MapGet("/slots", ListAsync).WithTags("Slots");

    /// <summary>Slots starting on dates from <c>from</c> to <c>to</c> (both included; default: the whole period).</summary>
    private static async Task<Results<Ok<SlotPage>, ProblemHttpResult>> ListAsync(
        [AsParameters] RosterCall call, string? from, string? to, string? limit, string? after, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var problem))
        {
            return problem;
        }

        var errors = new FieldErrors();
        var fromDay = QueryValues.Date(errors, "from", from);
        var toDay = QueryValues.Date(errors, "to", to);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (work, period, unit) = (call.Work, call.Period, call.Unit);
        var first = fromDay ?? period.FirstDay;
        var last = toDay ?? period.LastDay;
        if (first < period.FirstDay || first > period.LastDay)
        {
            errors.Add("from", $"must be within the period {period.FirstDay:yyyy-MM-dd}…{period.LastDay:yyyy-MM-dd}");
        }

        if (last < first || last > period.LastDay)
        {
            errors.Add("to", "must be on or after from and within the period");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var (slots, calendar) = await RequiredSlots.ExpandAsync(work, period, unit, new DateInterval(first, last), ct);
        var afterKey = page.After is null ? null : Cursor.Decode(page.After);
        var start = afterKey is null ? 0 : IndexAfter(slots, afterKey);
        var rows = slots.Skip(start).Take(page.Limit + 1).ToList();
        var presence = DutyPresence.Lookup((await ShiftStore.AllAsync(work, call.PeriodId, ct)).Select(s => (s.Code, s.Presence)));
        var body = Page.Of(rows, page.Limit, s => s.Key, s => SlotResponse.From(s) with { Presence = presence(s.ShiftCode, s.Role) });
        var uncovered = Enumerable.Range(first.Year, last.Year - first.Year + 1).Where(y => !calendar.CoveredYears.Contains(y)).ToList();
        return TypedResults.Ok(new SlotPage(body.Items, body.NextCursor, unit.TimeZone, uncovered));
    }

    private static int IndexAfter(IReadOnlyList<Core.Slots.ShiftSlot> slots, string key)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].Key == key)
            {
                return i + 1;
            }
        }

        return slots.Count;
    }
}
