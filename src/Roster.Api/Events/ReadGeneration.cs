namespace Roster.Api.Events;

/// <summary>
/// The generation of this node's cached reads (on-duty board, coverage). It moves when a table they read changes on any
/// node (<c>NOTIFY roster_reads</c> and <c>roster_changes</c>), when this node answers a request that may have written,
/// and when the LISTEN connection drops or comes back. An entry is served only while it carries the current generation
/// and the LISTEN connection is up; while it is down every read goes to the database.
/// </summary>
internal sealed class ReadGeneration
{
    private long _value;
    private volatile bool _live;

    public long Current => Volatile.Read(ref _value);

    /// <summary>True while changes made by other nodes reach this one.</summary>
    public bool Live => _live;

    public void Bump() => Interlocked.Increment(ref _value);

    public void SetLive(bool live)
    {
        _live = live;
        Bump();
    }
}
