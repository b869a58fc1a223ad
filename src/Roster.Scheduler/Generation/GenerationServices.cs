using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Roster.Core.Storage.Generation;
using Roster.Scheduler.Observability;

namespace Roster.Scheduler.Generation;

/// <summary>Registers generation: its options everywhere, the reaper everywhere, the worker where <c>Generation:Worker</c> is on.</summary>
public static class GenerationServices
{
    /// <summary>The host must register NpgsqlDataSource (RosterDataSource), NodaTime's IClock and SchedulerInstance.</summary>
    public static IServiceCollection AddRosterGeneration(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GenerationOptions>(configuration.GetSection("Generation"));
        var options = configuration.GetSection("Generation").Get<GenerationOptions>() ?? new GenerationOptions();
        services.AddSingleton<GenerationRunner>();
        services.AddMetrics();
        services.TryAddSingleton<RosterMetrics>();
        services.AddHostedService<GenerationReaper>();
        if (options.Worker)
        {
            services.AddHostedService<GenerationWorker>();
        }

        return services;
    }
}
