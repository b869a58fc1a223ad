using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;
using Roster.Api.Auth;

namespace Roster.Api.Events;

/// <summary>
/// This node's one LISTEN connection: <c>roster_changes</c> fanned out to every open event stream, <c>roster_reads</c>
/// for the read caches (<see cref="ReadGeneration"/>) and <c>roster_sessions</c> for the <see cref="SessionCache"/>.
/// Changes made through any node reach every node through PostgreSQL. After the connection drops and comes back, streams
/// get a resync event: what was notified meanwhile is lost. A connection that died without telling (no reset from the
/// peer) is found by a ping when nothing was notified for <see cref="PingInterval"/>; until it is back, the caches that
/// rely on the notices are not used.
/// </summary>
internal sealed partial class ChangeFeed(NpgsqlDataSource db, ReadGeneration reads, SessionCache sessions, ILogger<ChangeFeed> logger)
    : BackgroundService
{
    public const string Channel = "roster_changes";

    /// <summary>Notified by any write to a table that cached reads depend on (no payload).</summary>
    public const string ReadsChannel = "roster_reads";

    /// <summary>Notified by any write that changes what the per-request session check reads (no payload).</summary>
    public const string SessionsChannel = "roster_sessions";

    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, Channel<ChangeEvent>> _subscribers = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before making changes).</summary>
    public Task Listening => _listening.Task;

    public Subscription Subscribe()
    {
        // A slow reader loses old events rather than holding memory; it still reloads on the newest.
        var channel = System.Threading.Channels.Channel.CreateBounded<ChangeEvent>(
            new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == SessionsChannel)
                    {
                        sessions.Invalidate();
                        return;
                    }

                    reads.Bump();
                    if (e.Channel == Channel)
                    {
                        Publish(Parse(e.Payload));
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {ReadsChannel}; LISTEN {SessionsChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                reads.SetLive(true);
                sessions.SetLive(true);

                if (!first)
                {
                    Publish(new ChangeEvent(null, "resync"));
                }

                first = false;
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(PingInterval, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT pg_listening_channels()", connection) { CommandTimeout = (int)PingInterval.TotalSeconds };
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                LogLost(logger, e);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                sessions.SetLive(false);
                reads.SetLive(false);
            }
        }
    }

    private static ChangeEvent Parse(string payload)
    {
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && Guid.TryParse(payload.AsSpan(0, space), out var unit)
            ? new ChangeEvent(unit, payload[(space + 1)..])
            : new ChangeEvent(null, "resync");
    }

    private void Publish(ChangeEvent change)
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(change);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the LISTEN connection for pushed updates; reconnecting")]
    private static partial void LogLost(ILogger logger, Exception exception);
}
