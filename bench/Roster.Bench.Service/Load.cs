using System.Diagnostics;

namespace Roster.Bench.Service;

/// <summary>Closed-loop load: N clients each send the next request when the last one answered, for a fixed time.</summary>
internal static class Load
{
    /// <summary>Requests sent before the timed part.</summary>
    public static int WarmUps(int clients) => Math.Min(clients, 8);

    public static async Task<LoadResult> RunAsync(HttpClient http, Func<HttpRequestMessage> request, int clients, TimeSpan duration)
    {
        // Warm-up: JIT, connection pool, caches.
        for (var i = 0; i < WarmUps(clients); i++)
        {
            using var warm = await http.SendAsync(request());
            warm.EnsureSuccessStatusCode();
        }

        var latencies = new List<double>[clients];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var own = latencies[c] = new List<double>(4096);
            // Each client drains bodies through one buffer of its own: reading a large answer into a new array each time
            // would load this process's GC (large-object heap) and stall every client, which is not the service's latency.
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < duration)
            {
                var began = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request(), HttpCompletionOption.ResponseHeadersRead);
                await using (var body = await response.Content.ReadAsStreamAsync())
                {
                    while (await body.ReadAsync(buffer) > 0)
                    {
                    }
                }

                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                own.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
        })).ToList();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new LoadResult(Math.Round(Percentile(0.5), 1), Math.Round(Percentile(0.99), 1), Math.Round(all.Length / elapsed, 1), all.Length, errors);
    }
}
