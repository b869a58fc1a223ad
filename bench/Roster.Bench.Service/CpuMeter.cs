using System.Globalization;

namespace Roster.Bench.Service;

/// <summary>
/// CPU time (user + system, from <c>/proc</c>) spent by the API process, by PostgreSQL (the postmaster, its live backends
/// and the children it has reaped) and by this bench process: divided by the requests of a load, the cost of one request,
/// which wall-clock latencies on a shared machine do not show. Zero where <c>/proc</c> is missing.
/// </summary>
internal sealed class CpuMeter(int apiProcessId, int postmasterId)
{
    private static readonly double TicksPerMs = 100 / 1000.0;

    public (double Api, double Db, double Client) Now() =>
        (Ms(Own(apiProcessId)), Ms(Own(postmasterId) + Reaped(postmasterId) + ChildrenOf(postmasterId)), Ms(Own(Environment.ProcessId)));

    private static double Ms(long ticks) => ticks / TicksPerMs;

    /// <summary>utime + stime of a live process, in clock ticks (USER_HZ, 100 on Linux).</summary>
    private static long Own(int pid) => Fields(pid) is { } f ? Tick(f, 13) + Tick(f, 14) : 0;

    /// <summary>cutime + cstime: the CPU of children the process has waited for (ended PostgreSQL backends).</summary>
    private static long Reaped(int pid) => Fields(pid) is { } f ? Tick(f, 15) + Tick(f, 16) : 0;

    private static long ChildrenOf(int parent)
    {
        long sum = 0;
        foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Fields(pid) is { } f && Tick(f, 3) == parent)
            {
                sum += Tick(f, 13) + Tick(f, 14);
            }
        }

        return sum;
    }

    /// <summary>The fields of /proc/PID/stat, numbered from 0 (pid), with the command name (which may hold spaces) skipped.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return ["", "", .. text[(close + 2)..].Split(' ')];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Tick(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
