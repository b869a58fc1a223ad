using System.Diagnostics;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>Runs a tool the tests check the API with (Redocly, Kiota, dotnet), bounded in time, and returns what it said.</summary>
public static class ExternalTool
{
    /// <summary>The repository's root folder (the one with Roster.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Roster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Roster.sln not found above " + AppContext.BaseDirectory);
    }
}
