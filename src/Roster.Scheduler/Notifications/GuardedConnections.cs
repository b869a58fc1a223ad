using System.Net;
using System.Net.Sockets;
using Roster.Core.Notifications;

namespace Roster.Scheduler.Notifications;

/// <summary>
/// Connects webhook calls only to addresses the policy allows, checked at connect time on the resolved address, so a
/// host name that resolves (or re-resolves) to a private address is refused too.
/// </summary>
internal static class GuardedConnections
{
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
        // A proxy (HTTP_PROXY and friends) would make the connection below go to the proxy, bypassing the address check.
        UseProxy = false,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => allowPrivate || !WebhookAddressPolicy.IsPrivate(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"refused: {context.DnsEndPoint.Host} resolves to a private or loopback address");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
