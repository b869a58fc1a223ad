using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Roster.Scheduler.Tests.Infrastructure;

/// <summary>
/// A local webhook receiver on 127.0.0.1: <c>/ok</c> answers 200 after <see cref="OkDelay"/>, <c>/fail</c> answers 500,
/// <c>/slow</c> answers after 30 s (the sender times out first). It records every call with its idempotency key and
/// whether the HMAC-SHA256 signature matched <see cref="Secret"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret";
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Port = Ports.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public TimeSpan OkDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public IReadOnlyList<ReceivedCall> CallsTo(string path) => [.. Calls.Where(c => c.Path == path)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            var timestamp = context.Request.Headers["X-Roster-Timestamp"];
            var signature = context.Request.Headers["X-Roster-Signature"];
            var expected = "sha256=" + Convert.ToHexStringLower(
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
            Calls.Enqueue(new ReceivedCall(path, context.Request.Headers["Idempotency-Key"], signature == expected, body));
            switch (path)
            {
                case "/fail":
                    context.Response.StatusCode = 500;
                    break;
                case "/slow":
                    await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token);
                    context.Response.StatusCode = 200;
                    break;
                default:
                    await Task.Delay(OkDelay, _stop.Token);
                    context.Response.StatusCode = 200;
                    break;
            }

            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The sender gave up or the test is over.
        }
    }
}
