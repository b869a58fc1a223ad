using NodaTime;

namespace Roster.Core.Storage.Accounts;

/// <summary>Sign-in attempts under one key in its current window.</summary>
public sealed class AttemptCount
{
    public string Key { get; init; } = "";

    public Instant WindowStart { get; init; }

    public int Attempts { get; init; }
}
