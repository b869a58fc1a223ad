namespace Roster.Core.Storage.Accounts;

/// <summary>
/// What every request reads about its account, in one primary-key lookup: the session (version, active), the person, the
/// grants as a canonical text (<c>role:unit,…</c>, sorted) and the unit tree's revision. Together, grants and revision
/// name the account's units exactly, so subtrees expanded once serve every request that reads the same pair.
/// </summary>
public sealed class RequestSession
{
    public int SessionVersion { get; init; }

    public bool Active { get; init; }

    public Guid? PersonId { get; init; }

    public string Grants { get; init; } = "";

    public long TreeRevision { get; init; }
}
