using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Roster.Core.Model;
using Roster.Core.Storage;
using Roster.Scheduler.Generation;
using Roster.Scheduler.Hosting;
using Roster.Scheduler.Observability;

namespace Roster.Scheduler;

/// <summary>
/// The standalone scheduler (<c>./roster scheduler</c>): migrates, then runs Quartz and Hangfire until stopped. Several may
/// run against one database; they form one Quartz cluster and share Hangfire's queues.
/// </summary>
/// <remarks>An explicit class rather than top-level statements: a public top-level Program would clash with the API's.</remarks>
internal static class SchedulerProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddRosterSecretFiles();
        var connectionString = builder.Configuration.GetConnectionString("Roster")
            ?? throw new InvalidOperationException("ConnectionStrings:Roster is not set.");
        var migrations = builder.Configuration.GetConnectionString("Migrations");
        if (builder.Configuration.GetConnectionString("Admin") is { } admin)
        {
            await DatabaseMigrator.EnsureDatabaseAsync(admin, migrations, connectionString, CancellationToken.None);
        }

        await DatabaseMigrator.MigrateAsync(migrations ?? connectionString, CancellationToken.None);
        if (migrations is not null)
        {
            await QuartzSchema.EnsureAsync(migrations, CancellationToken.None);
            HangfireSchema.Ensure(migrations);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IClock, TimeProviderClock>();
        builder.Services.AddSingleton(_ => RosterDataSource.Create(connectionString));
        builder.Services.AddRosterScheduler(builder.Configuration, connectionString, force: true);
        builder.Services.AddRosterGeneration(builder.Configuration);
        builder.Logging.AddRosterConsole(builder.Configuration);
        builder.Services.AddRosterTelemetry(builder.Configuration, "roster-scheduler");

        using var host = builder.Build();
        var instance = host.Services.GetRequiredService<SchedulerInstance>();
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(
            () => Console.WriteLine($"roster-scheduler ready {instance.Name}"));
        await host.RunAsync();
    }
}
