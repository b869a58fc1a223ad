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
    public async Task Dashboard_AdminTokenInQuery_OpensAndThenWorksWithTheCookieAlone()
    {
        var token = await fixture.TokenAsync("admin");
        var browser = fixture.Factory.CreateClient();

        var first = await browser.GetAsync($"/hangfire?access_token={token}");
        var again = await browser.GetAsync("/hangfire/jobs/enqueued");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("roster_hangfire=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("staff")]
    [InlineData("supervisor")]
    public async Task Dashboard_NotAnAdmin_IsRefused(string? username)
    {
        var browser = fixture.Factory.CreateClient();
        var query = username is null ? "" : "?access_token=" + await fixture.TokenAsync(username);

        var response = await browser.GetAsync("/hangfire" + query);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
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
}
