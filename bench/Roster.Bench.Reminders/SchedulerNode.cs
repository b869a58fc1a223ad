using System.Diagnostics;

namespace Roster.Bench.Reminders;

/// <summary>A standalone scheduler process (the Release build the roster script makes).</summary>
internal sealed class SchedulerNode : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SchedulerNode(string root, string name, string connectionString)
    {
        var dll = Path.Combine(root, "src", "Roster.Scheduler", "bin", "Release", "net10.0", "Roster.Scheduler.dll");
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { dll }, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__Roster"] = connectionString;
        start.Environment["Scheduler__InstanceName"] = name;
        start.Environment["Scheduler__AllowPrivateWebhooks"] = "true";
        start.Environment["Scheduler__Workers"] = "20";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException("scheduler did not start");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("roster-scheduler ready", StringComparison.Ordinal) == true)
            {
                _ready.TrySetResult();
            }
            else if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{name}] {e.Data}");
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{name}] {e.Data}");
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Task Ready => _ready.Task;

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
