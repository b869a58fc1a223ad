using System.Collections.Concurrent;
using NodaTime;
using Roster.Api.Events;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.OnDuty;

/// <summary>
/// The serialised (and lazily encoded) units of on-duty boards, per (grants, unit tree revision, unit): the same for every account with the
/// same grants, at any instant of the span in which no assignment starts or ends. An entry is served while the read
/// generation has not moved since it was read (<see cref="ReadGeneration"/>: any write to what the board reads, on any
/// node) and for at most <see cref="MaxAge"/>. Bounded: cleared when it holds too many keys.
/// </summary>
internal sealed class OnDutyBoardCache(ReadGeneration reads, IClock clock)
{
    /// <summary>A backstop for a write no trigger reports (a hand edit in psql): such a change shows within this long.</summary>
    public static readonly Duration MaxAge = Duration.FromSeconds(30);

    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<(string Grants, long TreeRevision, Guid Unit), Entry> _entries = new();

    /// <summary>The generation to stamp on a board about to be read (take it before reading).</summary>
    public long Generation => reads.Current;

    public OnDutyBody? Find(RequestSession session, Guid unit, Instant at)
    {
        ArgumentNullException.ThrowIfNull(session);
        return reads.Live
            && _entries.TryGetValue((session.Grants, session.TreeRevision, unit), out var entry)
            && entry.Generation == reads.Current
            && entry.ValidAt.Contains(at)
            && clock.GetCurrentInstant() - entry.ReadAt < MaxAge
                ? entry.Units
                : null;
    }

    public void Store(RequestSession session, Guid unit, long generation, Interval validAt, OnDutyBody units)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!reads.Live || generation != reads.Current)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(session.Grants, session.TreeRevision, unit)] = new Entry(generation, validAt, clock.GetCurrentInstant(), units);
    }

    private sealed record Entry(long Generation, Interval ValidAt, Instant ReadAt, OnDutyBody Units);
}
