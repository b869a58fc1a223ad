using System.Net;
using System.Net.Sockets;
using Roster.Core.Notifications;

namespace Roster.Api.Notifications;

/// <summary>
/// Refuses webhook URLs that are malformed or reach a private or loopback address (unless the deployment allows
/// them). Delivery checks the address again at connect time, so a later DNS change does not get around it.
/// </summary>
internal static class WebhookUrlCheck
{
    public static async Task<string?> ProblemAsync(string? url, bool allowPrivate, CancellationToken ct)
    {
        if (WebhookAddressPolicy.ProblemWithUrl(url) is { } problem)
        {
            return problem;
        }

        if (allowPrivate)
        {
            return null;
        }

        var host = new Uri(url!).IdnHost;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return "names a host that does not resolve";
            }
        }

        return addresses.Length == 0 || addresses.Any(WebhookAddressPolicy.IsPrivate)
            ? "must not point at a private, loopback or link-local address"
            : null;
    }
}
