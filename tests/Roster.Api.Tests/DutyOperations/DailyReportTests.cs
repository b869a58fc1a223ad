using System.Net;
using System.Net.Http.Json;
using NodaTime;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.DutyOperations;

public sealed class DailyReportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Report_BeforeDeadline_IsOnTime_After_IsLate_Twice_Is409()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/daily-reports";

        // 16:00 in Shanghai is 08:00Z.
        api.Clock.Reset(Instant.FromUtc(2026, 12, 3, 7, 59));
        var onTime = await admin.PostAsJsonAsync(url, new { day = "2026-12-03", nothingToReport = true });
        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        var body = await onTime.BodyAsync();
        Assert.False(body.GetProperty("late").GetBoolean());
        Assert.Equal("2026-12-03T08:00:00Z", body.GetProperty("dueAt").GetString());

        api.Clock.Reset(Instant.FromUtc(2026, 12, 4, 9, 0));
        var late = await admin.PostAsJsonAsync(url, new { day = "2026-12-04", body = "17:00 水管破裂已修复 burst pipe fixed" });
        Assert.True((await late.BodyAsync()).GetProperty("late").GetBoolean());

        var twice = await admin.PostAsJsonAsync(url, new { day = "2026-12-04", nothingToReport = true });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(["day"], await twice.ErrorFieldsAsync());
        var list = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(url);
        Assert.Equal(2, list.GetArrayLength());
    }

    [Fact]
    public async Task Report_BadInput_AndWrongRoles_AreRefused()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/daily-reports";
        var outside = await admin.PostAsJsonAsync(url, new { day = "2027-06-01", nothingToReport = true });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(["day"], await outside.ErrorFieldsAsync());
        var empty = await admin.PostAsJsonAsync(url, new { day = "2026-12-05" });
        Assert.Equal(["body"], await empty.ErrorFieldsAsync());
        var supervisor = await (await api.ClientAsync("supervisor")).PostAsJsonAsync(url, new { day = "2026-12-05", nothingToReport = true });
        Assert.Equal(HttpStatusCode.Forbidden, supervisor.StatusCode);
        var other = await (await api.ClientAsync("admin2")).PostAsJsonAsync(url, new { day = "2026-12-05", nothingToReport = true });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
