namespace Roster.Core.Storage.Accounts;

/// <summary>What a token is checked against on every request.</summary>
public sealed class SessionState
{
    public int SessionVersion { get; init; }

    public bool Active { get; init; }
}
