using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Periods;

/// <summary>
/// The one answer to "which units keep a roster in this period": every slot expansion, generation job, gap scan and
/// heat-map row goes through here. A unit outside gets no slots, so no jobs, no gaps and no cells.
/// </summary>
/// <remarks>
/// The period's <c>roster_units</c> decides: <c>all</c> (every active unit of its subtree, the declaring unit
/// included), <c>leaves</c> (active units with no active child unit, plus the declaring unit when
/// <c>roster_own_unit</c>: the bureau office's own duty office opts in), or <c>list</c> (exactly the listed units).
/// A deactivated unit and everything below it keeps no roster.
/// </remarks>
public static class RosteredUnits
{
    private const string Sql = """
        WITH RECURSIVE p AS (
            SELECT id AS period_id, unit_id, roster_units, roster_unit_ids, roster_own_unit FROM periods WHERE id = ANY(@periodIds)
        ), down(period_id, id) AS (
            SELECT p.period_id, u.id FROM units u JOIN p ON u.id = p.unit_id WHERE u.active
            UNION
            SELECT d.period_id, c.id FROM units c JOIN down d ON c.parent_id = d.id WHERE c.active
        )
        SELECT d.period_id, d.id AS unit_id FROM down d JOIN p ON p.period_id = d.period_id
        WHERE CASE p.roster_units
            WHEN 'all' THEN true
            WHEN 'leaves' THEN (d.id = p.unit_id AND p.roster_own_unit)
                OR NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = d.id AND c.active)
            ELSE d.id = ANY(p.roster_unit_ids)
        END
        """;

    /// <summary>Every unit that keeps a roster in the period.</summary>
    public static async Task<IReadOnlyList<Guid>> OfPeriodAsync(DbWork work, Guid periodId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return [.. (await OfPeriodsAsync(work, [periodId], ct)).Select(r => r.UnitId)];
    }

    /// <summary>Every (period, unit) pair of the given periods where the unit keeps a roster, in one command.</summary>
    public static async Task<IReadOnlySet<(Guid PeriodId, Guid UnitId)>> OfPeriodsAsync(
        DbWork work, IReadOnlyCollection<Guid> periodIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(periodIds);
        if (periodIds.Count == 0)
        {
            return new HashSet<(Guid, Guid)>();
        }

        var rows = await work.Connection.QueryAsync<(Guid PeriodId, Guid UnitId)>(
            work.Command(Sql, new { periodIds = periodIds.ToArray() }, ct));
        return rows.ToHashSet();
    }

    /// <summary>The units of <paramref name="subtree"/> that keep a roster in the period, in the order given.</summary>
    public static async Task<IReadOnlyList<Guid>> WithinAsync(
        DbWork work, Guid periodId, IEnumerable<Guid> subtree, CancellationToken ct)
    {
        var rostered = (await OfPeriodAsync(work, periodId, ct)).ToHashSet();
        return [.. subtree.Where(rostered.Contains)];
    }

    public static async Task<bool> KeepsRosterAsync(DbWork work, Guid periodId, Guid unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await work.Connection.ExecuteScalarAsync<bool>(work.Command(
            $"SELECT EXISTS (SELECT 1 FROM ({Sql}) r WHERE r.unit_id = @unitId)", new { periodIds = new[] { periodId }, unitId }, ct));
    }

    /// <summary>
    /// The units of <paramref name="units"/> that keep a roster in at least one period overlapping
    /// [<paramref name="from"/>, <paramref name="to"/>] (both included): the rows a coverage heat map shows.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> InAnyPeriodAsync(
        DbWork work, IReadOnlyCollection<Guid> units, LocalDate from, LocalDate to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var periods = await work.Connection.QueryAsync<Guid>(work.Command("""
            WITH RECURSIVE up(unit, id) AS (
                SELECT id, id FROM units WHERE id = ANY(@units)
                UNION
                SELECT up.unit, u.parent_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL
            )
            SELECT DISTINCT p.id FROM periods p JOIN up ON p.unit_id = up.id
            WHERE p.first_day <= @to AND p.last_day >= @from
            """, new { units = units.ToArray(), from, to }, ct));
        var rostered = await OfPeriodsAsync(work, periods.AsList(), ct);
        return rostered.Select(r => r.UnitId).Where(units.Contains).ToHashSet();
    }
}
