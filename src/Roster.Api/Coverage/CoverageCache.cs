using System.Collections.Concurrent;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Events;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Coverage;

/// <summary>
/// Coverage answers, serialised with their ETag, per (grants, unit tree revision, unit, from, to): the same for every account
/// with the same grants. Served while the read generation has not moved since the answer was read (any write to what
/// coverage reads, on any node: see <see cref="ReadGeneration"/>) and for at most <see cref="MaxAge"/>. Bounded.
/// </summary>
internal sealed class CoverageCache(ReadGeneration reads, IClock clock)
{
    /// <summary>A backstop for a write no trigger reports (a hand edit in psql): such a change shows within this long.</summary>
    public static readonly Duration MaxAge = Duration.FromSeconds(30);

    private const int MaxEntries = 512;

    private readonly ConcurrentDictionary<(string Grants, long TreeRevision, Guid Unit, LocalDate From, LocalDate To), Entry> _entries = new();

    /// <summary>The generation to stamp on an answer about to be read (take it before reading).</summary>
    public long Generation => reads.Current;

    public TaggedJson<CoverageResponse>? Find(RequestSession session, Guid unit, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(session);
        return reads.Live
            && _entries.TryGetValue((session.Grants, session.TreeRevision, unit, from, to), out var entry)
            && entry.Generation == reads.Current
            && clock.GetCurrentInstant() - entry.ReadAt < MaxAge
                ? entry.Answer
                : null;
    }

    public void Store(RequestSession session, Guid unit, LocalDate from, LocalDate to, long generation, TaggedJson<CoverageResponse> answer)
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

        _entries[(session.Grants, session.TreeRevision, unit, from, to)] = new Entry(generation, clock.GetCurrentInstant(), answer);
    }

    private sealed record Entry(long Generation, Instant ReadAt, TaggedJson<CoverageResponse> Answer);
}
