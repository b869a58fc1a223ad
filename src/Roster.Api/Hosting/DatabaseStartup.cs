using Microsoft.Extensions.Options;
using NodaTime;
using Roster.Api.Demo;
using Roster.Core.Calendars;
using Roster.Core.Passwords;
using Roster.Core.Storage;
using Roster.Core.Storage.Calendars;

namespace Roster.Api.Hosting;

/// <summary>Brings the database to the current schema before the first request, and installs shipped data.</summary>
internal static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken ct)
    {
        var options = app.Services.GetRequiredService<IOptions<RosterOptions>>().Value;
        var connectionString = app.Configuration.GetConnectionString("Roster")
            ?? throw new InvalidOperationException("ConnectionStrings:Roster is not set.");
        var migrations = app.Configuration.GetConnectionString("Migrations");
        if (options.CreateDatabase)
        {
            var admin = app.Configuration.GetConnectionString("Admin")
                ?? throw new InvalidOperationException("Roster:CreateDatabase needs ConnectionStrings:Admin.");
            await DatabaseMigrator.EnsureDatabaseAsync(admin, migrations, connectionString, ct);
        }

        if (options.Migrate)
        {
            await DatabaseMigrator.MigrateAsync(migrations ?? connectionString, ct);
            if (migrations is not null)
            {
                // Quartz's and Hangfire's own tables are made by the owner too: the application login may not.
                await Roster.Scheduler.Hosting.QuartzSchema.EnsureAsync(migrations, ct);
                Roster.Scheduler.Hosting.HangfireSchema.Ensure(migrations);
            }
        }

        var db = app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        var clock = app.Services.GetRequiredService<IClock>();
        await using (var work = await DbWork.BeginAsync(db, ct))
        {
            foreach (var calendar in HolidayCalendars.BuiltIn)
            {
                await CalendarStore.UpsertBuiltinAsync(work, new CalendarRow
                {
                    Code = calendar.Id,
                    Name = calendar.Name.TryGetValue("zh-CN", out var zh) ? zh : calendar.Id,
                    Document = calendar.ToDocument().ToJson(),
                    CreatedAt = clock.GetCurrentInstant(),
                }, ct);
            }

            await work.CommitAsync(ct);
        }

        if (options.SeedDemo)
        {
            var password = options.DemoPassword.Length > 0 ? options.DemoPassword : OneTimePassword.New("");
            var seeded = await DemoSeeder.SeedAsync(app.Services, password, ct);
            // The password is printed once, when the demo is loaded with it; later starts say where it is kept.
            var shown = seeded ? password : null;
            if (seeded || await DemoSeeder.PresentAsync(app.Services, ct))
            {
                app.Lifetime.ApplicationStarted.Register(() => DemoSeeder.PrintWelcome(app.Urls, shown, options.DemoPasswordFile, seeded));
            }
            else
            {
                // A database started with --no-demo (or bootstrapped) keeps its own data: no demo is added to it.
                app.Lifetime.ApplicationStarted.Register(() => DemoSeeder.PrintNoDemo(app.Urls));
            }
        }
        else
        {
            app.Lifetime.ApplicationStarted.Register(() => DemoSeeder.PrintNoDemo(app.Urls));
        }
    }
}
