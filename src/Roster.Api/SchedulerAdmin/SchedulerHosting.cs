using Hangfire;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Roster.Scheduler.Hosting;

namespace Roster.Api.SchedulerAdmin;

/// <summary>
/// The scheduler in the API process: hosted here when <c>Scheduler:Enabled</c> is true (the default of <c>./roster up</c>),
/// with the Hangfire dashboard.
/// </summary>
internal static class SchedulerHosting
{
    public static WebApplicationBuilder AddRosterScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddRosterScheduler(builder.Configuration, builder.Configuration.GetConnectionString("Roster") ?? "");
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, DashboardTokens.Configure);
        return builder;
    }

    /// <summary>The Hangfire dashboard, when the scheduler runs here; its endpoints are mapped with the others (RosterPipeline).</summary>
    public static WebApplication MapSchedulerDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        if (options.Enabled && options.Dashboard)
        {
            app.UseWhen(
                c => c.Request.Path.StartsWithSegments(DashboardTokens.Path) && c.Request.Query.ContainsKey("code"),
                b => b.Run(DashboardCodes.RedeemAsync));
            // Our filter decides (root-unit admins only); the fallback policy would only turn the dashboard's own answer into a bare 401.
            app.MapHangfireDashboard(DashboardTokens.Path, new DashboardOptions
            {
                AsyncAuthorization = [new DashboardAuthorization()],
                // Looking only: requeueing or deleting another unit's deliveries is not a dashboard click.
                IsReadOnlyFunc = _ => true,
                DisplayStorageConnectionString = false,
                AppPath = "/docs",
            }).AllowAnonymous();
        }

        return app;
    }
}
