using System.Collections.Concurrent;
using NodaTime;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>
/// This node's copy of each account's <see cref="RequestSession"/>, so a read served from the read caches asks the
/// database nothing. An entry is served only while (1) this node's LISTEN on <c>roster_sessions</c> is up, (2) the
/// session generation has not moved since the entry's read began — it moves on every notice (any change to an account's
/// session version, active flag or person, to any grant, or to the unit tree, on any node), on every request through this
/// node that may have written, and whenever the LISTEN connection drops or comes back — and (3) for at most
/// <see cref="MaxAge"/>. Only acceptance is served from here: a token the cached session would refuse is checked against
/// the database (it may come from a session newer than the cached one).
/// </summary>
internal sealed class SessionCache(IClock clock)
{
    /// <summary>A backstop for a change no trigger reports (triggers disabled during a restore).</summary>
    public static readonly Duration MaxAge = Duration.FromSeconds(30);

    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _generation;
    private volatile bool _live;

    /// <summary>The generation to stamp on a session about to be read (take it before reading).</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>True while session changes made on other nodes reach this one.</summary>
    public bool Live => _live;

    /// <summary>Drops every cached session (their generation is no longer current).</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void SetLive(bool live)
    {
        _live = live;
        Invalidate();
    }

    public RequestSession? Find(Guid accountId) =>
        _live
        && _entries.TryGetValue(accountId, out var entry)
        && entry.Generation == Generation
        && clock.GetCurrentInstant() - entry.ReadAt < MaxAge
            ? entry.Session
            : null;

    public void Store(Guid accountId, long generation, RequestSession session)
    {
        if (!_live || generation != Generation)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[accountId] = new Entry(generation, clock.GetCurrentInstant(), session);
    }

    private sealed record Entry(long Generation, Instant ReadAt, RequestSession Session);
}
