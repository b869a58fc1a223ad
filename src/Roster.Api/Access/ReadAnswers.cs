using System.Collections.Concurrent;
using NodaTime;
using Roster.Api.Events;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Access;

/// <summary>
/// Computed read answers (coverage, gaps), serialised with their ETag, per (grants, unit tree revision, request): the same
/// for every account with the same grants, as long as the answer depends on nothing else (not on the clock). Served while
/// the read generation has not moved since the answer was read (any write to what these reads read, on any node: see
/// <see cref="ReadGeneration"/>) and for at most <see cref="MaxAge"/>. Bounded: cleared when it holds too many keys.
/// </summary>
internal sealed class ReadAnswers(ReadGeneration reads, IClock clock)
{
    /// <summary>A backstop for a write no trigger reports (a hand edit in psql): such a change shows within this long.</summary>
    public static readonly Duration MaxAge = Duration.FromSeconds(30);

    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<(string Grants, long TreeRevision, string Request), Entry> _entries = new();

    /// <summary>The generation to stamp on an answer about to be read (take it before reading).</summary>
    public long Generation => reads.Current;

    public TaggedJson<T>? Find<T>(RequestSession session, string request)
    {
        ArgumentNullException.ThrowIfNull(session);
        return reads.Live
            && _entries.TryGetValue((session.Grants, session.TreeRevision, request), out var entry)
            && entry.Generation == reads.Current
            && clock.GetCurrentInstant() - entry.ReadAt < MaxAge
                ? entry.Answer as TaggedJson<T>
                : null;
    }

    public void Store<T>(RequestSession session, string request, long generation, TaggedJson<T> answer)
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

        _entries[(session.Grants, session.TreeRevision, request)] = new Entry(generation, clock.GetCurrentInstant(), answer);
    }

    private sealed record Entry(long Generation, Instant ReadAt, object Answer);
}
