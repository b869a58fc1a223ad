using System.Diagnostics;

namespace Roster.Bench.Service;

/// <summary>Closed-loop load: N clients each send the next request when the last one answered, for a fixed time.</summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(HttpClient http, Func<HttpRequestMessage> request, int clients, TimeSpan duration)
    {
        // Warm-up: JIT, connection pool, caches.
        for (var i = 0; i < Math.Min(clients, 8); i++)
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
            while (clock.Elapsed < duration)
            {
                var began = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request(), HttpCompletionOption.ResponseContentRead);
                _ = await response.Content.ReadAsByteArrayAsync();
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
