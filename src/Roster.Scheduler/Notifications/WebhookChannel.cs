using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using Roster.Core.Storage.Notifications;
using Roster.Scheduler.Hosting;

namespace Roster.Scheduler.Notifications;

/// <summary>Posts a notification to a webhook target. Any 2xx (without a robot error code) is a delivery.</summary>
internal sealed class WebhookChannel(IHttpClientFactory clients, IOptions<SchedulerOptions> options, IClock clock)
{
    public const string ClientName = "roster-webhooks";

    public async Task<DeliveryOutcome> SendAsync(ClaimedNotification n, CancellationToken ct)
    {
        if (n.TargetActive != true || n.Url is null)
        {
            return DeliveryOutcome.Failed("the webhook target was removed or deactivated");
        }

        var request = WebhookPayloads.Build(n, clock.GetCurrentInstant());
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.DeliveryTimeout);
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var text = await ReadBoundedAsync(response.Content, timeout.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Failed($"HTTP {status}");
            }

            return WebhookPayloads.RobotError(n.Format, text) is { } error ? DeliveryOutcome.Failed(error) : DeliveryOutcome.Ok($"HTTP {status}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Failed($"timed out after {options.Value.DeliveryTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return DeliveryOutcome.Failed(e.Message);
        }
    }

    /// <summary>The most of a receiver's answer that is read: enough for any robot's error code, never a flood.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct);
        await using (stream)
        {
            var buffer = new byte[MaxResponseBytes];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
    }
}
