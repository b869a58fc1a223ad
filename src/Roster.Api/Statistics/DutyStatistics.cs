using NodaTime;
using Roster.Core.Storage;
using Roster.Core.Storage.Coverage;
using Roster.Core.Storage.Statistics;
using Roster.Core.Storage.Units;

namespace Roster.Api.Statistics;

/// <summary>
/// Computes duty statistics for a set of units in a fixed number of SQL commands whatever their number: the duties,
/// their valuation (three), the person events and the people; by unit, the unit events and the coverage
/// (<see cref="CoverageReader"/>) instead of the people.
/// </summary>
internal static class DutyStatistics
{
    /// <summary>One row per person; with <paramref name="onlyPerson"/>, that person's row alone.</summary>
    public static async Task<IReadOnlyList<PersonStatisticsResponse>> ByPersonAsync(
        DbWork work, IReadOnlyList<UnitRow> units, LocalDate from, LocalDate to, Guid? onlyPerson, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToArray();
        var duties = await ValuedAsync(work, ids, from, to, ct);
        var keys = duties.Select(d => (d.Fact.UnitId, d.Fact.PeriodId, d.Fact.SlotKey)).ToHashSet();
        var events = (await StatisticsStore.PersonEventsAsync(work, ids, from, to, ct))
            // Standby days stand alone; the other events count only for the duties in the range.
            .Where(e => e.Kind == "standby" || keys.Contains((e.UnitId, e.PeriodId, e.SlotKey))).ToLookup(e => e.PersonId);
        var byPerson = duties.ToLookup(d => d.Fact.PersonId);
        var people = await StatisticsStore.PeopleAsync(work, ids, [.. byPerson.Select(g => g.Key)], onlyPerson, ct);
        return [.. people
            .Select(p => PersonTally.Of(p, [.. byPerson[p.Id]], [.. events[p.Id]]))
            .OrderBy(p => p.UnitName, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.PersonId)];
    }

    public static async Task<IReadOnlyList<UnitStatisticsResponse>> ByUnitAsync(
        DbWork work, IReadOnlyList<UnitRow> units, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToArray();
        var duties = (await ValuedAsync(work, ids, from, to, ct)).ToLookup(d => d.Fact.UnitId, d => d.Value);
        var events = (await StatisticsStore.UnitEventsAsync(work, ids, from, to, ct)).ToLookup(e => e.UnitId);
        var coverage = (await CoverageReader.ForUnitsAsync(work, units, from, to, ct)).ToLookup(c => c.UnitId);
        return [.. units.Select(u => UnitTally.Of(u, from, to, [.. duties[u.Id]], [.. coverage[u.Id]], [.. events[u.Id]]))];
    }

    private static async Task<IReadOnlyList<(DutyFactRow Fact, Core.Statistics.DutyValue Value)>> ValuedAsync(
        DbWork work, Guid[] ids, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var facts = await DutyFactStore.OfUnitsAsync(work, ids, from, to, ct);
        var values = await DutyValuation.ValueAsync(work, facts, ct);
        return [.. facts.Zip(values)];
    }
}
