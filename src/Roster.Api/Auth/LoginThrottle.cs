using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>
/// Sign-in throttling in PostgreSQL, shared by all API processes. Every attempt is counted before its password is
/// checked, under two keys: the username at the client address (at most <see cref="AuthOptions.MaxFailedLogins"/> per
/// window, so guessing one account is slow while its owner still signs in from elsewhere) and the client address alone
/// (at most <see cref="AuthOptions.MaxFailedLoginsPerAddress"/>, against trying many usernames). Unknown usernames are
/// counted like known ones. IPv6 clients count per /64, the block one subscriber usually holds.
/// </summary>
internal sealed class LoginThrottle(IOptions<AuthOptions> options, IClock clock, NpgsqlDataSource db)
{
    private const int PruneBatch = 200;

    /// <summary>Counts an attempt; returns how long the caller must wait, or null when the password may be checked now.</summary>
    public async Task<Duration?> AttemptAsync(string username, IPAddress? client, CancellationToken ct)
    {
        var (pair, address) = Keys(username, client);
        var now = clock.GetCurrentInstant();
        var window = Duration.FromTimeSpan(options.Value.LockoutWindow);
        IReadOnlyList<AttemptCount> counts;
        await using (var work = await DbWork.BeginAsync(db, ct))
        {
            // Expired windows are cleared by the sign-ins themselves, a batch at a time: the table holds live windows only.
            await SignInAttemptStore.PruneAsync(work, now - window, PruneBatch, ct);
            // Sorted keys: "a:" before "u:", the same order in every process.
            counts = await SignInAttemptStore.CountAsync(work, [address, pair], now, window, ct);
            await work.CommitAsync(ct);
        }

        Duration? wait = null;
        foreach (var count in counts)
        {
            var limit = count.Key == address ? options.Value.MaxFailedLoginsPerAddress : options.Value.MaxFailedLogins;
            if (count.Attempts > limit)
            {
                var left = count.WindowStart + window - now;
                wait = wait is { } w && w > left ? w : left;
            }
        }

        return wait;
    }

    public async Task SucceededAsync(string username, IPAddress? client, CancellationToken ct)
    {
        var (pair, address) = Keys(username, client);
        await using var work = await DbWork.BeginAsync(db, ct);
        await SignInAttemptStore.SucceededAsync(work, pair, address, ct);
        await work.CommitAsync(ct);
    }

    private static (string Pair, string Address) Keys(string username, IPAddress? client)
    {
        var address = AddressKey(client);
        return ("u:" + username.ToLowerInvariant() + "|" + address, "a:" + address);
    }

    private static string AddressKey(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }

        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
