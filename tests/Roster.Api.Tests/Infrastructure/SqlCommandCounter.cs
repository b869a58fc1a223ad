using System.Diagnostics;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands Npgsql runs against one database on behalf of HTTP requests while it is alive, from Npgsql's
/// own tracing (ActivitySource "Npgsql", one activity per command, under ASP.NET Core's request activity). Other
/// databases and background services (no request above them) are not counted.
/// </summary>
public sealed class SqlCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private int _count;

    public SqlCommandCounter(string database)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && InRequest(activity)
                    && activity.TagObjects.Any(t => t.Key is "db.name" or "db.namespace" && Equals(t.Value, database)))
                {
                    Interlocked.Increment(ref _count);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _listener.Dispose();

    private static bool InRequest(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == "Microsoft.AspNetCore")
            {
                return true;
            }
        }

        return false;
    }
}
