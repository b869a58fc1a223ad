using Roster.Api.Auditing;
using Roster.Api.Auth;
using Roster.Api.Calendars;
using Roster.Api.Health;
using Roster.Api.People;
using Roster.Api.Periods;
using Roster.Api.SchedulerAdmin;
using Roster.Api.Units;
using Scalar.AspNetCore;

namespace Roster.Api.Hosting;

/// <summary>The middleware order and the map of every endpoint group.</summary>
internal static class RosterPipeline
{
    public static WebApplication UseRoster(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Roster API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        app.MapHealth();

        var api = app.MapGroup("/api/v1");
        api.MapAuth();
        api.MapUnits();
        api.MapPeople();
        api.MapLeaves();
        api.MapPeriods();
        api.MapShifts();
        api.MapSlots();
        api.MapCalendars();
        api.MapAudit();
        app.MapRosterScheduling(api);
        return app;
    }
}
