using System.Diagnostics;
using System.Text.Json;

namespace Roster.Api.Tests.Exports;

/// <summary>
/// Runs a small script of Debian's /usr/bin/python3 (which ./roster test gives python3-openpyxl) on bytes sent to its
/// standard input and returns the JSON it prints: exports are read back by libraries we did not write.
/// </summary>
internal static class PythonReader
{
    public static async Task<JsonElement> RunAsync(string script, byte[] input)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "python3 could not read the export: " + await error);
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
