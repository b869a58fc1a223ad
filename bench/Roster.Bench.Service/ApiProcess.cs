using System.Diagnostics;

namespace Roster.Bench.Service;

/// <summary>The API's Release build in its own process, as <c>./roster up</c> runs it (generation worker on, no Quartz).</summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly Process _process;

    public ApiProcess(string root, string connectionString, int port, int workers, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(root, "src", "Roster.Api", "bin", "Release", "net10.0", "Roster.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Roster"] = connectionString;
        start.Environment["Auth__SigningKey"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["Roster__SeedDemo"] = "false";
        start.Environment["Scheduler__Enabled"] = "false";
        start.Environment["Generation__Slots"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        _process.OutputDataReceived += (_, e) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[api] " + e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public async Task WaitReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException("The API exited at start-up.");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The API did not answer /healthz in time.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
