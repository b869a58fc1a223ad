using System.Diagnostics;
using System.Globalization;

namespace Roster.Bench.Service;

/// <summary>
/// <c>--trace DIR</c>: CPU samples of the API process while one read is loaded, taken by <c>dotnet-trace</c> (a NuGet
/// tool; its path from <c>ROSTER_BENCH_DOTNET_TRACE</c>, else from PATH) and written as speedscope JSON to DIR/NAME.
/// </summary>
internal static class CpuTrace
{
    public static Process? Start(string? dir, int processId, string name, TimeSpan duration)
    {
        if (dir is null)
        {
            return null;
        }

        Directory.CreateDirectory(dir);
        var tool = Environment.GetEnvironmentVariable("ROSTER_BENCH_DOTNET_TRACE") ?? "dotnet-trace";
        var start = new ProcessStartInfo(tool)
        {
            ArgumentList =
            {
                "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
                "--format", "Speedscope", "-o", Path.Combine(dir, name + ".nettrace"),
                "--duration", duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet-trace did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task StopAsync(Process? trace)
    {
        if (trace is null)
        {
            return;
        }

        await trace.WaitForExitAsync();
        trace.Dispose();
    }
}
