using System.Globalization;

namespace Roster.Scheduler.Hosting;

/// <summary>This process's name among the schedulers sharing one database.</summary>
public sealed class SchedulerInstance(string name)
{
    public string Name { get; } = name;

    public static SchedulerInstance From(SchedulerOptions options) =>
        new(string.IsNullOrWhiteSpace(options.InstanceName)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}")
            : options.InstanceName);
}
