using System.Collections.Concurrent;
using NodaTime;

namespace Roster.Core.Storage.Coverage;

/// <summary>
/// Required and filled slots per date of one unit's whole period, kept per (period, unit, published roster version and
/// its revision, shape): the shape names what the slots expand from (the period's days, shifts and their versions, the
/// calendar, the unit's zone). A new or edited roster version, an edited shift or calendar gives a new key, so a stale
/// entry is never read; old keys are dropped when the cache is full. Thread-safe; one per process.
/// </summary>
public sealed class CoverageCells
{
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<(Guid PeriodId, Guid UnitId, string Versions, string Shape), IReadOnlyDictionary<LocalDate, (int Required, int Filled)>> _cells = new();

    public IReadOnlyDictionary<LocalDate, (int Required, int Filled)>? Find(Guid periodId, Guid unitId, string versions, string shape) =>
        _cells.TryGetValue((periodId, unitId, versions, shape), out var days) ? days : null;

    public void Store(Guid periodId, Guid unitId, string versions, string shape, IReadOnlyDictionary<LocalDate, (int Required, int Filled)> days)
    {
        if (_cells.Count >= MaxEntries)
        {
            _cells.Clear();
        }

        _cells[(periodId, unitId, versions, shape)] = days;
    }
}
