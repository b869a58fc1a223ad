using System.Diagnostics.Metrics;
using NodaTime;

namespace Roster.Scheduler.Observability;

/// <summary>
/// The domain's own measurements, on the <c>Roster</c> meter of this host's container (generation workers record
/// generations, scheduler nodes reminders and deliveries). Exported with everything else by OpenTelemetry.
/// </summary>
public sealed class RosterMetrics
{
    public const string MeterName = "Roster";

    private static readonly double[] SecondsBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    private readonly Counter<long> _generations;
    private readonly Histogram<double> _generationSeconds;
    private readonly Histogram<long> _hardViolations;
    private readonly Counter<long> _reminders;
    private readonly Histogram<double> _reminderLateness;
    private readonly Counter<long> _deliveryAttempts;
    private readonly Counter<long> _deliveriesFailed;

    public RosterMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _generations = Meter.CreateCounter<long>("roster.generations", "{generation}", "Roster generations finished, by outcome.");
        _generationSeconds = Meter.CreateHistogram("roster.generation.duration", "s", "How long a roster generation ran, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _hardViolations = Meter.CreateHistogram<long>("roster.generation.hard_violations", "{violation}",
            "Hard-rule violations left in a generated draft (0 when every hard rule holds).",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 2, 5, 10, 50] });
        _reminders = Meter.CreateCounter<long>("roster.reminders", "{reminder}",
            "Due reminders handled, by outcome: sent (turned into notifications) or missed (the shift had begun).");
        _reminderLateness = Meter.CreateHistogram("roster.reminder.lateness", "s", "How long after its due time a reminder was sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _deliveryAttempts = Meter.CreateCounter<long>("roster.delivery.attempts", "{attempt}", "Delivery attempts, by channel and outcome.");
        _deliveriesFailed = Meter.CreateCounter<long>("roster.deliveries.failed", "{notification}",
            "Notifications given up after their last attempt, by channel.");
    }

    public Meter Meter { get; }

    /// <summary>A generation ended; <paramref name="outcome"/> is succeeded, failed or cancelled.</summary>
    public void GenerationFinished(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _generations.Add(1, tag);
        _generationSeconds.Record(elapsed.TotalSeconds, tag);
    }

    public void GenerationStored(int hardViolations) => _hardViolations.Record(hardViolations);

    public void RemindersDispatched(int missed, IEnumerable<Duration> lateness)
    {
        ArgumentNullException.ThrowIfNull(lateness);
        var sent = 0;
        foreach (var late in lateness)
        {
            sent++;
            _reminderLateness.Record(Math.Max(0, late.TotalSeconds));
        }

        _reminders.Add(sent, new KeyValuePair<string, object?>("outcome", "sent"));
        _reminders.Add(missed, new KeyValuePair<string, object?>("outcome", "missed"));
    }

    public void DeliveryAttempted(string channel, bool succeeded, bool gaveUp)
    {
        _deliveryAttempts.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", succeeded ? "sent" : "failed"));
        if (gaveUp)
        {
            _deliveriesFailed.Add(1, new KeyValuePair<string, object?>("channel", channel));
        }
    }
}
