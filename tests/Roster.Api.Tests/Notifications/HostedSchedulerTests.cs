using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage;
using Roster.Core.Storage.Reminders;

namespace Roster.Api.Tests.Notifications;

public sealed class HostedSchedulerTests(HostedSchedulerFixture fixture) : IClassFixture<HostedSchedulerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Reminders_PublishedWhileHosted_ReachTheStaffMembersInbox()
    {
        var db = fixture.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        await using (var work = await DbWork.BeginAsync(db, CancellationToken.None))
        {
            var c = work.Connection;
            var staff = await c.ExecuteScalarAsync<Guid>("SELECT person_id FROM accounts WHERE username = 'staff'", transaction: work.Transaction);
            var unit = await c.ExecuteScalarAsync<Guid>("SELECT unit_id FROM people WHERE id = @staff", new { staff }, work.Transaction);
            var period = await c.ExecuteScalarAsync<Guid>("SELECT id FROM periods LIMIT 1", transaction: work.Transaction);
            var version = await c.ExecuteScalarAsync<Guid>("""
                INSERT INTO roster_versions (period_id, unit_id, number, status, created_at, published_at)
                VALUES (@period, @unit, 1, 'published', @now, @now) RETURNING id
                """, new { period, unit, now }, work.Transaction);
            var start = now + Duration.FromMinutes(30);
            await c.ExecuteAsync("""
                INSERT INTO assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at)
                VALUES (@version, 'hosted/0', 'D', 'staff', @date, @staff, @start, @end)
                """, new { version, date = start.InUtc().Date, staff, start, end = start + Duration.FromHours(12) }, work.Transaction);
            await ReminderPlanner.SyncForVersionAsync(work, version, now, CancellationToken.None);
            await work.CommitAsync(CancellationToken.None);
        }

        var client = await fixture.ClientAsync("staff");
        var arrived = await PollAsync(async () =>
        {
            var inbox = await (await client.GetAsync("/api/v1/me/notifications")).BodyAsync();
            return inbox.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("reason").GetString() == "reminder") == 2;
        });

        Assert.True(arrived);
    }

    [Fact]
    public async Task SchedulerJobs_Hosted_ShowNextFireTimesOfEveryJob()
    {
        var client = await fixture.ClientAsync("admin");

        var listed = await PollAsync(async () =>
        {
            var body = await (await client.GetAsync("/api/v1/scheduler/jobs")).BodyAsync();
            return body.GetProperty("hostedHere").GetBoolean()
                && body.GetProperty("jobs").EnumerateArray().Count(j => j.GetProperty("nextFireAt").ValueKind == System.Text.Json.JsonValueKind.String) == 4
                && body.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("instance").GetString() == "api-test");
        });

        Assert.True(listed);
    }

    [Fact]
    public async Task Dashboard_OneTimeCode_RedirectsWithAStrictHttpOnlyCookie()
    {
        var (_, _, first) = await OpenWithCodeAsync();
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/hangfire", first.Headers.Location?.ToString());
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("roster_hangfire=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Dashboard_AfterTheCode_OpensWithTheCookieAlone()
    {
        var (browser, _, _) = await OpenWithCodeAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/hangfire/jobs/enqueued", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Dashboard_RootAdmin_CannotRequeueJobs()
    {
        var (browser, _, _) = await OpenWithCodeAsync();
        var requeue = await browser.PostAsync(new Uri("/hangfire/jobs/actions/requeue/1", UriKind.Relative), new StringContent(""));
        Assert.False(requeue.IsSuccessStatusCode, requeue.StatusCode.ToString());
    }

    [Fact]
    public async Task Dashboard_CodeUsedTwice_Is401()
    {
        var (_, url, _) = await OpenWithCodeAsync();
        var again = await fixture.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task DashboardCode_ForASchoolAdmin_Is403()
    {
        var admin = await fixture.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync(new Uri("/api/v1/scheduler/dashboard-codes", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task Dashboard_RootAdminsTokenInTheQuery_IsNotAccepted()
    {
        await RootAdminAsync();
        var rootToken = await fixture.TokenAsync(RootAdmin);
        var query = await fixture.Factory.CreateClient().GetAsync(new Uri($"/hangfire?access_token={rootToken}", UriKind.Relative));
        Assert.True(query.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, query.StatusCode.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("staff")]
    [InlineData("supervisor")]
    [InlineData("admin")]
    public async Task Dashboard_NotARootAdmin_IsRefused(string? username)
    {
        var browser = fixture.Factory.CreateClient();
        if (username is not null)
        {
            browser.DefaultRequestHeaders.Add("Cookie", "roster_hangfire=" + await fixture.TokenAsync(username));
        }

        var response = await browser.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }

    private const string RootAdmin = "root-admin";

    /// <summary>An administrator of the bureau, the top unit (created on first use).</summary>
    private async Task<HttpClient> RootAdminAsync()
    {
        var db = fixture.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var work = await DbWork.BeginAsync(db, CancellationToken.None))
        {
            if (await Roster.Core.Storage.Accounts.AccountStore.FindByUsernameAsync(work, RootAdmin, CancellationToken.None) is null)
            {
                var hasher = fixture.Factory.Services.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<Roster.Core.Storage.Accounts.AccountRow>>();
                var id = await Roster.Core.Storage.Accounts.AccountStore.InsertAsync(work, RootAdmin,
                    hasher.HashPassword(new Roster.Core.Storage.Accounts.AccountRow(), ApiFixture.Password), "Bureau admin", null,
                    Instant.FromUtc(2026, 1, 1, 0, 0), CancellationToken.None);
                var bureau = await work.Connection.ExecuteScalarAsync<Guid>("SELECT id FROM units WHERE parent_id IS NULL", transaction: work.Transaction);
                await Roster.Core.Storage.Accounts.AccountStore.GrantAsync(work, id, bureau, Roster.Core.Storage.Accounts.GrantRoles.Admin, CancellationToken.None);
                await work.CommitAsync(CancellationToken.None);
            }
        }

        return await fixture.ClientAsync(RootAdmin);
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        var deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return await condition();
    }

    /// <summary>The root admin gets a one-time dashboard code and a browser (no redirects followed) opens it: the
    /// browser, the code's address and the first answer.</summary>
    private async Task<(HttpClient Browser, string Url, HttpResponseMessage First)> OpenWithCodeAsync()
    {
        var root = await RootAdminAsync();
        var code = await root.PostAsync(new Uri("/api/v1/scheduler/dashboard-codes", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
        var url = (await code.BodyAsync()).GetProperty("url").GetString()!;
        var browser = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return (browser, url, await browser.GetAsync(new Uri(url, UriKind.Relative)));
    }
}
