using System.Net;
using System.Net.Http.Json;
using NodaTime;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.DutyOperations;

public sealed class DailyReportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Report_BeforeTheDeadline_IsOnTimeDueAt1600Shanghai()
    {
        var (admin, url) = await ReportsAsync();
        // 16:00 in Shanghai is 08:00Z.
        api.Clock.Reset(Instant.FromUtc(2026, 12, 3, 7, 59));
        var onTime = await admin.PostAsJsonAsync(url, new { day = "2026-12-03", nothingToReport = true });
        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        var body = await onTime.BodyAsync();
        Assert.False(body.GetProperty("late").GetBoolean());
        Assert.Equal("2026-12-03T08:00:00Z", body.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task Report_AfterTheDeadline_IsLate()
    {
        var (admin, url) = await ReportsAsync();
        api.Clock.Reset(Instant.FromUtc(2026, 12, 4, 9, 0));
        var late = await admin.PostAsJsonAsync(url, new { day = "2026-12-04", body = "17:00 水管破裂已修复 burst pipe fixed" });
        Assert.True((await late.BodyAsync()).GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task Report_SecondForTheSameDay_Is409NamingDayAndAddsNoRow()
    {
        var (admin, url) = await ReportsAsync();
        api.Clock.Reset(Instant.FromUtc(2026, 12, 6, 9, 0));
        await admin.PostAsJsonAsync(url, new { day = "2026-12-06", body = "first" });
        var twice = await admin.PostAsJsonAsync(url, new { day = "2026-12-06", nothingToReport = true });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(["day"], await twice.ErrorFieldsAsync());
        var list = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(url);
        Assert.Single(list.EnumerateArray(), r => r.GetProperty("day").GetString() == "2026-12-06");
    }

    [Fact]
    public async Task Report_DayOutsideThePeriod_Is400NamingDay()
    {
        var (admin, url) = await ReportsAsync();
        var outside = await admin.PostAsJsonAsync(url, new { day = "2027-06-01", nothingToReport = true });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(["day"], await outside.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Report_WithoutBodyOrNothingToReport_NamesBody()
    {
        var (admin, url) = await ReportsAsync();
        var empty = await admin.PostAsJsonAsync(url, new { day = "2026-12-05" });
        Assert.Equal(["body"], await empty.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Report_BySupervisor_Is403()
    {
        var (_, url) = await ReportsAsync();
        var supervisor = await (await api.ClientAsync("supervisor")).PostAsJsonAsync(url, new { day = "2026-12-05", nothingToReport = true });
        Assert.Equal(HttpStatusCode.Forbidden, supervisor.StatusCode);
    }

    [Fact]
    public async Task Report_ByAnotherSchoolsAdmin_Is404()
    {
        var (_, url) = await ReportsAsync();
        var other = await (await api.ClientAsync("admin2")).PostAsJsonAsync(url, new { day = "2026-12-05", nothingToReport = true });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    /// <summary>School 1's admin and the daily-reports address of the demo period.</summary>
    private async Task<(HttpClient Admin, string Url)> ReportsAsync()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        return (admin, $"/api/v1/periods/{periodId}/units/{api.School1Id}/daily-reports");
    }
}
