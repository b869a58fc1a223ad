using Microsoft.Extensions.Hosting;

namespace Roster.Scheduler.Observability;

/// <summary>Builds <see cref="OpenGapsGauge"/> at start-up, so its instrument exists before the first scrape.</summary>
internal sealed class OpenGapsGaugeStarter(OpenGapsGauge gauge) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(gauge);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
