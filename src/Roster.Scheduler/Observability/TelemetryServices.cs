using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz.Diagnostics;

namespace Roster.Scheduler.Observability;

/// <summary>
/// OpenTelemetry for every Roster process: traces of ASP.NET Core, HttpClient, Npgsql, Quartz (its own activity source)
/// and Hangfire (<see cref="HangfireTracing"/>); metrics of the same plus the runtime and <see cref="RosterMetrics"/>.
/// Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and to Prometheus as the host chooses
/// (the API's protected <c>/metrics</c>, or a separate listener on <c>Observability:MetricsPort</c>).
/// </summary>
public static class TelemetryServices
{
    private static readonly string[] Probes = ["/healthz", "/readyz", "/metrics"];
    private static int _hangfireFilterAdded;

    public static IServiceCollection AddRosterTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, Action<MeterProviderBuilder>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Observability");
        services.Configure<ObservabilityOptions>(section);
        var options = section.Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        services.AddMetrics();
        services.TryAddSingleton<RosterMetrics>();
        services.AddSingleton<OpenGapsGauge>();
        services.AddHostedService<OpenGapsGaugeStarter>();

        // Hangfire's filters are process-wide; one instance serves every host in the process.
        if (Interlocked.Exchange(ref _hangfireFilterAdded, 1) == 0)
        {
            GlobalJobFilters.Filters.Add(new HangfireTracing());
        }

        // The SDK works only where something takes its output: spans recorded for no exporter still cost every Npgsql
        // command and HTTP call their bookkeeping, which slowed scheduler nodes measurably.
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(TelemetryServices).Assembly.GetName().Version?.ToString()));
        if (otlp || options.Traces)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !Probes.Any(p => http.Request.Path.StartsWithSegments(p)))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(QuartzInstrumentation.ActivitySourceName, HangfireTracing.SourceName));
        }

        if (otlp || options.MetricsPort > 0 || metrics is not null)
        {
            telemetry.WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(QuartzInstrumentation.MeterName, RosterMetrics.MeterName);
                if (options.MetricsPort > 0)
                {
                    m.AddPrometheusHttpListener(o =>
                    {
                        o.Host = options.MetricsHost;
                        o.Port = options.MetricsPort;
                    });
                }

                metrics?.Invoke(m);
            });
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>JSON console lines with UTC timestamps and the trace and span ids of the current activity.</summary>
    public static ILoggingBuilder AddRosterConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (configuration.GetValue("Observability:JsonConsole", true))
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        return logging;
    }
}
