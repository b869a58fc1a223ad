using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using Roster.Scheduler.Duty;
using Roster.Scheduler.Gaps;
using Roster.Scheduler.Notifications;
using Roster.Scheduler.Observability;
using Roster.Scheduler.Reminders;

namespace Roster.Scheduler.Hosting;

/// <summary>
/// Registers the scheduler: Quartz (persistent ADO store on PostgreSQL, clustered; its qrtz_ tables are created by
/// Quartz's ProvisionSchema, which tolerates several nodes starting at once) decides when; Hangfire
/// (Hangfire.PostgreSql, its own hangfire schema, a plain connection without the NodaTime plugin) delivers.
/// The host must register NpgsqlDataSource (RosterDataSource) and NodaTime's IClock.
/// </summary>
public static class SchedulerServices
{
    /// <summary>Options and the channels; enough for the API to validate webhooks and read job times.</summary>
    public static IServiceCollection AddRosterSchedulerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SchedulerOptions>(configuration.GetSection("Scheduler"));
        services.AddSingleton(sp => SchedulerInstance.From(sp.GetRequiredService<IOptions<SchedulerOptions>>().Value));
        // The jobs record on it; AddRosterTelemetry exports it (a host without telemetry still runs them).
        services.AddMetrics();
        services.TryAddSingleton<RosterMetrics>();
        return services;
    }

    /// <summary>Quartz and Hangfire, when <c>Scheduler:Enabled</c> is true (or <paramref name="force"/>).</summary>
    public static IServiceCollection AddRosterScheduler(this IServiceCollection services, IConfiguration configuration, string connectionString, bool force = false)
    {
        services.AddRosterSchedulerOptions(configuration);
        var options = configuration.GetSection("Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (!options.Enabled && !force)
        {
            return services;
        }

        var instance = SchedulerInstance.From(options);
        services.AddHttpClient(WebhookChannel.ClientName).ConfigurePrimaryHttpMessageHandler(() => GuardedConnections.Handler(options.AllowPrivateWebhooks));
        services.AddSingleton<EmailChannel>();
        services.AddSingleton<WebhookChannel>();
        services.AddSingleton<DeliveryQueue>();
        services.AddTransient<NotificationDeliveryJob>();

        services.AddHangfire((_, c) =>
        {
            // Runs when Hangfire's storage is first built, before any Hangfire server starts in this process.
            HangfireSchema.Ensure(configuration.GetConnectionString("Migrations") ?? connectionString);
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
                {
                    PrepareSchemaIfNecessary = false,
                    QueuePollInterval = options.QueuePollInterval,
                    EnableLongPolling = true,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                    UseSlidingInvisibilityTimeout = true,
                });
        });
        services.AddHangfireServer(o =>
        {
            o.ServerName = instance.Name;
            o.WorkerCount = options.Workers;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "roster";
                s.InstanceId = instance.Name;
            });
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(connectionString);
                s.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(5);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                });
                s.UseSystemTextJsonSerializer();
                // Where an owner role is configured it makes Quartz's tables before the host starts (DatabaseStartup, the
                // scheduler's Main), so the application login only validates them; otherwise a login that may create
                // tables provisions them.
                if (configuration.GetConnectionString("Migrations") is null && QuartzSchema.CanCreateTables(connectionString))
                {
                    s.ProvisionSchema();
                }
            });
            Every<ReminderDispatchJob>(q, ReminderDispatchJob.Key, options.DispatchInterval);
            Every<OutboxRelayJob>(q, OutboxRelayJob.Key, options.RelayInterval);
            Every<GapScanJob>(q, GapScanJob.Key, options.GapScanInterval);
            Every<DutyWatchJob>(q, DutyWatchJob.Key, options.GapScanInterval);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Every<TJob>(IQuartzBuilder q, JobKey key, TimeSpan interval)
        where TJob : class, IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
        q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name, key.Group).StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()));
    }
}
