using Roster.Api.Accounts;
using Roster.Api.ApiDocs;
using Roster.Api.Auditing;
using Roster.Api.Auth;
using Roster.Api.Calendars;
using Roster.Api.CheckIns;
using Roster.Api.Coverage;
using Roster.Api.DailyReports;
using Roster.Api.DutyLog;
using Roster.Api.Exports;
using Roster.Api.Feeds;
using Roster.Api.Events;
using Roster.Api.Gaps;
using Roster.Api.Health;
using Roster.Api.Http;
using Roster.Api.Idempotency;
using Roster.Api.Imports;
using Roster.Api.Inspections;
using Roster.Api.MyDuties;
using Roster.Api.Notifications;
using Roster.Api.OnDuty;
using Roster.Api.People;
using Roster.Api.Periods;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Api.SchedulerAdmin;
using Roster.Api.SpotChecks;
using Roster.Api.Statistics;
using Roster.Api.Submissions;
using Roster.Api.Swaps;
using Roster.Api.Units;
using Roster.Api.Web;

namespace Roster.Api.Hosting;

/// <summary>The middleware order and the map of every endpoint group.</summary>
internal static class RosterPipeline
{
    public static WebApplication UseRoster(this WebApplication app)
    {
        app.UseMiddleware<RequestLines>();
        app.UseRosterHttp();
        app.UseExceptionHandler();
        app.UseMiddleware<TransientReadRetry>();
        app.UseMiddleware<WriteBumpsReads>();
        app.UseStatusCodePages();
        app.UseWebUi();
        app.UseTrustedProxies();
        app.UseJsonBodies();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapRosterDocs();
        app.MapHealth();
        app.MapMetrics();
        app.MapFeeds();

        var api = app.MapGroup("/api/v1");
        var groups = ApiGroups.Map(api);
        api.MapAuth();
        groups.MapAccounts();
        groups.MapUnits();
        groups.MapPeople();
        groups.MapLeaves();
        groups.MapCompensatoryBalance();
        groups.MapLeaveDecisions();
        groups.MapPeriods();
        groups.MapShifts();
        groups.MapSlots();
        groups.MapCalendars();
        groups.MapCalendarYears();
        groups.MapUnitRules();
        groups.MapDutySettings();
        groups.MapImports();
        groups.MapRosterJobs();
        groups.MapRosters();
        groups.MapAssignments();
        groups.MapStandbyEdits();
        groups.MapReplacements();
        groups.MapCheckIns();
        groups.MapDutyLog();
        groups.MapIncidents();
        groups.MapDailyReports();
        groups.MapSpotChecks();
        groups.MapSwaps();
        api.MapMe();
        groups.MapAudit();
        groups.MapCalendarTokens();
        groups.MapDutyTables();
        api.MapCoverageReport();
        groups.MapSubmissions();
        groups.MapInspections();
        api.MapOnDuty();
        api.MapEvents();
        groups.MapDutyPhones();
        api.MapStatistics();
        groups.MapDutyRates();
        groups.MapStatisticsReports();
        api.MapGaps();
        api.MapCoverage();
        groups.MapInbox();
        groups.MapWebhookTargets();
        groups.MapReminderSettings();
        groups.MapDeliveryLog();
        groups.MapSchedulerJobs();
        groups.MapDashboardCodes();
        app.MapSchedulerDashboard();
        return app;
    }
}
