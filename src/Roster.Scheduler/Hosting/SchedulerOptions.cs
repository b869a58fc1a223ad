namespace Roster.Scheduler.Hosting;

/// <summary>The scheduler's settings, bound from the <c>Scheduler</c> section.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Run Quartz and Hangfire in this process (the API hosts them when true; tests turn it off for hosts that need neither).</summary>
    public bool Enabled { get; set; }

    /// <summary>This process's name in the Quartz cluster and on delivery attempts; defaults to host name + process id.</summary>
    public string? InstanceName { get; set; }

    /// <summary>How often due reminders are dispatched.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many reminders one dispatch transaction claims.</summary>
    public int DispatchBatch { get; set; } = 200;

    /// <summary>How often the outbox relay looks for notifications that no delivery job holds.</summary>
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After this long, a pending notification whose job has not finished is assumed lost and enqueued again.</summary>
    public TimeSpan RelayStaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the gap scan runs.</summary>
    public TimeSpan GapScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many days ahead the gap scan looks.</summary>
    public int GapScanDays { get; set; } = 7;

    /// <summary>Delivery attempts before a notification is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Waits between attempts (the last one repeats): 10 s, 1 min, 5 min, 30 min by default.</summary>
    public IList<TimeSpan> RetryDelays { get; } = [];

    /// <summary>How long a webhook or SMTP server may take before the attempt counts as failed.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle Hangfire worker looks at the queue (long polling wakes it sooner when it can).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Hangfire workers in this process.</summary>
    public int Workers { get; set; } = 20;

    /// <summary>How long a job fetched by a process that died stays invisible to the others.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Allow webhooks to loopback and private addresses (off in production; tests use a local receiver).</summary>
    public bool AllowPrivateWebhooks { get; set; }

    /// <summary>Serve the Hangfire dashboard at /hangfire (admins only) when the API hosts the scheduler.</summary>
    public bool Dashboard { get; set; } = true;

    public SmtpOptions Smtp { get; set; } = new();

    public TimeSpan RetryDelay(int attempt)
    {
        IReadOnlyList<TimeSpan> delays = RetryDelays.Count > 0
            ? [.. RetryDelays]
            : [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];
        return delays[Math.Clamp(attempt - 1, 0, delays.Count - 1)];
    }
}
