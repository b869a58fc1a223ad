using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Roster.Scheduler.Observability;

/// <summary>
/// <c>roster.gaps.open</c>: open coverage gaps of the whole installation by kind, counted when a scrape asks (the open
/// gaps have a partial index, so the count is cheap). A scrape during a database outage reports nothing rather than failing.
/// </summary>
public sealed partial class OpenGapsGauge
{
    private static readonly string[] Kinds = ["unfilled", "unavailable", "conflict", "missed_check_in", "late_report"];

    private readonly NpgsqlDataSource _db;
    private readonly ILogger<OpenGapsGauge> _logger;

    public OpenGapsGauge(RosterMetrics metrics, NpgsqlDataSource db, ILogger<OpenGapsGauge> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _db = db;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("roster.gaps.open", Measure, "{gap}", "Open coverage gaps, by kind.");
    }

    private IEnumerable<Measurement<long>> Measure()
    {
        var counts = Kinds.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
        try
        {
            using var command = _db.CreateCommand("SELECT kind, count(*) FROM gaps WHERE resolved_at IS NULL GROUP BY kind");
            command.CommandTimeout = 5;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            LogUnavailable(_logger, e);
            return [];
        }

        return [.. counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("kind", c.Key)))];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open gaps could not be counted for a metrics scrape")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
