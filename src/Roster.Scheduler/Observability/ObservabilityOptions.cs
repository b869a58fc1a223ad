namespace Roster.Scheduler.Observability;

/// <summary>Where metrics are served, bound from the <c>Observability</c> section.</summary>
public sealed class ObservabilityOptions
{
    /// <summary>
    /// A bearer token Prometheus sends to scrape the API's <c>/metrics</c>; when unset, the API serves no <c>/metrics</c>.
    /// Put it in a file readable by the service only (e.g. a systemd credential or a container secret).
    /// </summary>
    public string? ScrapeToken { get; set; }

    /// <summary>A port for a separate, unauthenticated metrics listener (<c>http://host:port/metrics</c>); 0 = none.</summary>
    public int MetricsPort { get; set; }

    /// <summary>The interface of that listener: <c>localhost</c> by default; <c>*</c> inside a container.</summary>
    public string MetricsHost { get; set; } = "localhost";

    /// <summary>
    /// Record spans without an OTLP endpoint (for an exporter added in code, as the tests do); with
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set they are recorded anyway.
    /// </summary>
    public bool Traces { get; set; }

    /// <summary>Write console logs as JSON lines (with trace and span ids); false gives the plain text format.</summary>
    public bool JsonConsole { get; set; } = true;
}
