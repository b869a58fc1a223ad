using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Roster.Bench.Reminders;

/// <summary>A local webhook receiver that answers 200 at once and records each call's key, due time and arrival.</summary>
internal sealed class Receiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public Receiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<(string Key, DateTimeOffset Due, DateTimeOffset At)> Calls { get; } = new();

    public void Dispose() => _listener.Close();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            // Arrival is stamped before any other work, so thread-pool delays in this process do not count as lateness.
            var at = TimeProvider.System.GetUtcNow();
            _ = Task.Run(async () =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                var due = DateTimeOffset.Parse(body.RootElement.GetProperty("dueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Calls.Enqueue((context.Request.Headers["Idempotency-Key"] ?? "", due, at));
                context.Response.StatusCode = 200;
                context.Response.Close();
            });
        }
    }
}
