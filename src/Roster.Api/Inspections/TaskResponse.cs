using NodaTime;
using Roster.Core.Storage.Inspections;

namespace Roster.Api.Inspections;

/// <summary>
/// An inspection to do by the person on <c>slotKey</c> during [start, end); <c>state</c> open or done, with the result per
/// checklist item once done.
/// </summary>
public sealed record TaskResponse(
    Guid Id, Guid RequirementId, Guid UnitId, Guid PeriodId, string SlotKey, Guid PersonId, LocalDate Date, Instant Start, Instant End,
    string State, IReadOnlyList<ResultEntry> Results, Instant? DoneAt)
{
    public static TaskResponse From(TaskRow t) => new(
        t.Id, t.RequirementId, t.UnitId, t.PeriodId, t.SlotKey, t.PersonId, t.DutyDate, t.StartsAt, t.EndsAt, t.State,
        System.Text.Json.JsonSerializer.Deserialize<List<ResultEntry>>(t.Results, InspectionJson.Options) ?? [], t.DoneAt);
}
