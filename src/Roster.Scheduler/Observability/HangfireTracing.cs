using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Server;

namespace Roster.Scheduler.Observability;

/// <summary>
/// Spans for Hangfire jobs (no instrumentation package exists for Hangfire): the enqueuing side stores the current trace
/// context as a job parameter, and each run is a consumer span under it, marked as an error when the job threw.
/// </summary>
public sealed class HangfireTracing : IClientFilter, IServerFilter
{
    public const string SourceName = "Roster.Hangfire";

    private const string ParentParameter = "traceparent";
    private const string ActivityItem = "roster.activity";

    private static readonly ActivitySource Source = new(SourceName);

    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Source.HasListeners() && Activity.Current?.Id is { } parent)
        {
            context.SetJobParameter(ParentParameter, parent);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Source.HasListeners())
        {
            // No tracing: not even the stored parent is read (one storage round trip per job).
            return;
        }

        var job = context.BackgroundJob.Job;
        ActivityContext.TryParse(context.GetJobParameter<string>(ParentParameter), null, out var parent);
        var activity = Source.StartActivity($"hangfire {job.Type.Name}.{job.Method.Name}", ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        activity.SetTag("hangfire.job.type", job.Type.FullName);
        activity.SetTag("hangfire.job.method", job.Method.Name);
        context.Items[ActivityItem] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.TryGetValue(ActivityItem, out var item) || item is not Activity activity)
        {
            return;
        }

        if (context.Exception is { } e && !context.ExceptionHandled)
        {
            activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        }

        activity.Dispose();
    }
}
