namespace Roster.Scheduler.Generation;

/// <summary>Generation jobs, bound from the <c>Generation</c> section.</summary>
public sealed class GenerationOptions
{
    /// <summary>Run generation jobs in this process (the worker role). On in the API by default and in every scheduler node.</summary>
    public bool Worker { get; set; } = true;

    /// <summary>Jobs this process runs at once; defaults to the number of cores.</summary>
    public int Slots { get; set; }

    /// <summary>How often a running job records that its worker is alive (and its progress).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A running job without a heartbeat for this long is retried elsewhere (or failed after its last attempt).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an idle worker looks for jobs when no notification woke it, and looks for stale ones.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts of one unit job (a worker dying mid-run costs one).</summary>
    public int MaxAttempts { get; set; } = 2;

    /// <summary>Requests (single units or subtrees) one account may have queued or running at once; more answer 429.</summary>
    public int AccountActiveLimit { get; set; } = 4;

    /// <summary>Unit jobs that may wait for a worker over all accounts; a request that would pass it answers 429.</summary>
    public int QueueLimit { get; set; } = 5000;

    public int EffectiveSlots => Slots > 0 ? Slots : Math.Max(1, Environment.ProcessorCount);
}
