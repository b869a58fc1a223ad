using Quartz;
using Roster.Scheduler.Hosting;

namespace Roster.Api.Health;

/// <summary>The checks behind <c>/readyz</c>: PostgreSQL, Quartz's scheduler and Hangfire's servers.</summary>
internal static class HealthChecksSetup
{
    public const string Ready = "ready";

    public static IServiceCollection AddRosterHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var hosted = configuration.GetSection("Scheduler").Get<SchedulerOptions>()?.Enabled ?? false;
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgres", tags: [Ready])
            .AddCheck<HangfireServersHealthCheck>("hangfire", tags: [Ready]);
        if (hosted)
        {
            checks.AddQuartz(o =>
            {
                o.Name = "quartz";
                o.Tags.Add(Ready);
            });
        }
        else
        {
            checks.AddCheck<QuartzClusterHealthCheck>("quartz", tags: [Ready]);
        }

        return services;
    }
}
