using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Roster.Core.Notifications;
using Roster.Core.Storage.Notifications;
using Roster.Scheduler.Hosting;
using Roster.Scheduler.Notifications;

namespace Roster.Scheduler.Tests.Notifications;

/// <summary>What a hostile or broken receiver cannot make the channels do.</summary>
public sealed class ChannelGuardTests
{
    [Fact]
    public void WebhookHandler_IgnoresProxySettings_SoTheAddressCheckCannotBeBypassed()
    {
        using var handler = GuardedConnections.Handler(allowPrivate: false);
        Assert.False(handler.UseProxy);
    }

    [Fact]
    public async Task Webhook_ReceiverThatAnswersForever_CountsAsDeliveredAfterReading64KB()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var server = ServeEndlessAsync(listener, stop.Token);
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookChannel.ClientName).ConfigurePrimaryHttpMessageHandler(() => GuardedConnections.Handler(allowPrivate: true));
        await using var provider = services.BuildServiceProvider();
        var channel = new WebhookChannel(provider.GetRequiredService<IHttpClientFactory>(),
            Options.Create(new SchedulerOptions { DeliveryTimeout = TimeSpan.FromSeconds(5) }), new FakeClock(Instant.FromUtc(2026, 12, 1, 0, 0)));

        var outcome = await channel.SendAsync(new ClaimedNotification
        {
            Id = 1, IdempotencyKey = "k1", Channel = "webhook", Title = "t", Body = "b", Url = $"http://127.0.0.1:{port}/flood",
            Format = WebhookFormats.Generic, TargetActive = true,
        }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Detail);
        await stop.CancelAsync();
        await server;
    }

    [Fact]
    public async Task Email_WithCredentialsToAServerWithoutStartTls_IsRefused()
    {
        var (outcome, _) = await SendWithCredentialsWithoutStartTlsAsync();
        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task Email_WithCredentialsToAServerWithoutStartTls_SendsNoPassword()
    {
        var (_, commands) = await SendWithCredentialsWithoutStartTlsAsync();
        Assert.DoesNotContain(commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Sends one email with a username and password to an SMTP server that offers AUTH but no STARTTLS; the
    /// outcome and every command line the server received.</summary>
    private static async Task<(DeliveryOutcome Outcome, List<string> Commands)> SendWithCredentialsWithoutStartTlsAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var commands = new List<string>();
        var server = ServeSmtpWithoutTlsAsync(listener, commands, stop.Token);
        var channel = new EmailChannel(Options.Create(new SchedulerOptions
        {
            DeliveryTimeout = TimeSpan.FromSeconds(5),
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Username = "duty", Password = "s3cret", StartTls = false },
        }));

        var outcome = await channel.SendAsync(new ClaimedNotification
        {
            Id = 2, IdempotencyKey = "k2", Channel = "email", Title = "t", Body = "b", Address = "someone@example.com",
        }, CancellationToken.None);

        await stop.CancelAsync();
        await server;
        lock (commands)
        {
            return (outcome, [.. commands]);
        }
    }

    private static async Task ServeEndlessAsync(TcpListener listener, CancellationToken ct)
    {
        try
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            var stream = client.GetStream();
            var buffer = new byte[8192];
            if (await stream.ReadAsync(buffer, ct) == 0)
            {
                return;
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"), ct);
            var chunk = Encoding.ASCII.GetBytes("2000\r\n" + new string('x', 0x2000) + "\r\n");
            while (!ct.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, ct);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The client stopped reading and hung up, or the test ended.
        }
    }

    private static async Task ServeSmtpWithoutTlsAsync(TcpListener listener, List<string> commands, CancellationToken ct)
    {
        try
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ESMTP");
            var inData = false;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                lock (commands)
                {
                    commands.Add(line);
                }

                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        await writer.WriteLineAsync("250 queued");
                    }

                    continue;
                }

                var verb = line.Split(' ')[0].ToUpperInvariant();
                await writer.WriteLineAsync(verb switch
                {
                    "EHLO" => "250-sink\r\n250 AUTH PLAIN LOGIN",
                    "AUTH" => "235 ok",
                    "DATA" => "354 go on",
                    "QUIT" => "221 bye",
                    _ => "250 ok",
                });
                inData = verb == "DATA";
                if (verb == "QUIT")
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // The client hung up or the test ended.
        }
    }
}
