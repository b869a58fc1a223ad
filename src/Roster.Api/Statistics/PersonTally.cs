using Roster.Core.Statistics;
using Roster.Core.Storage.Statistics;

namespace Roster.Api.Statistics;

/// <summary>Adds up one person's duties and duty events into a <see cref="PersonStatisticsResponse"/>.</summary>
internal static class PersonTally
{
    public static PersonStatisticsResponse Of(
        PersonNameRow person, IReadOnlyList<(DutyFactRow Fact, DutyValue Value)> duties, IReadOnlyList<PersonEventRow> events)
    {
        var types = duties.Select(d => d.Value.DayType).ToList();
        var shifts = duties.GroupBy(d => d.Fact.ShiftCode, StringComparer.Ordinal)
            .Select(g => new ShiftCount(g.Key, g.First().Fact.ShiftName ?? g.Key, g.First().Fact.ShiftNameEn, g.Count()))
            .OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        int Count(string kind) => events.Count(e => e.Kind == kind);
        return new PersonStatisticsResponse(
            person.Id, person.Name, person.UnitId, person.UnitName, duties.Count,
            new DayTypeCounts(
                types.Count(t => t == Core.Model.DayType.Workday), types.Count(t => t == Core.Model.DayType.Weekend),
                types.Count(t => t == Core.Model.DayType.Holiday), types.Count(t => t == Core.Model.DayType.MakeUpWorkday)),
            shifts,
            duties.Sum(d => d.Value.Hours),
            duties.Count(d => d.Value.Night),
            Count("standby"),
            new CheckInCounts(Count("on_time"), Count("late"), Count("missed")),
            new SwapCounts(Count("given"), Count("taken")),
            duties.Sum(d => d.Value.Rate.Allowance),
            duties.Sum(d => d.Value.Rate.CompensatoryHours));
    }
}
