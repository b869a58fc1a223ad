using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Roster.Api.Auth;

/// <summary>
/// Counts failed sign-ins per username and client address; past the limit, sign-in is refused until the window
/// has passed. Kept in memory: with several API processes each keeps its own count, which still bounds guessing.
/// </summary>
internal sealed class LoginThrottle(IOptions<AuthOptions> options, IClock clock)
{
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or null when a sign-in may be tried now.</summary>
    public Duration? RetryAfter(string username, string client)
    {
        if (!_failures.TryGetValue(Key(username, client), out var failures))
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var window = Duration.FromTimeSpan(options.Value.LockoutWindow);
        if (now - failures.First >= window)
        {
            _failures.TryRemove(Key(username, client), out _);
            return null;
        }

        return failures.Count >= options.Value.MaxFailedLogins ? failures.First + window - now : null;
    }

    public void Failed(string username, string client)
    {
        var now = clock.GetCurrentInstant();
        _failures.AddOrUpdate(Key(username, client), _ => new Failures(now, 1), (_, f) => f with { Count = f.Count + 1 });
    }

    public void Succeeded(string username, string client) => _failures.TryRemove(Key(username, client), out _);

    private static string Key(string username, string client) => username.ToUpperInvariant() + "|" + client;

    private sealed record Failures(Instant First, int Count);
}
