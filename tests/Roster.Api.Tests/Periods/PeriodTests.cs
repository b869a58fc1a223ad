using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Periods;

public sealed class PeriodTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task DemoPeriod_IsVisibleToSchoolAdmin_ButOnlyTheBureauChangesIt()
    {
        var admin = await api.ClientAsync("admin");
        var periods = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={api.School1Id}");
        var period = Assert.Single(periods.GetProperty("items").EnumerateArray());
        Assert.Equal("2026-12-01", period.GetProperty("firstDay").GetString());
        Assert.Equal("2026-12-30", period.GetProperty("lastDay").GetString());

        var change = await admin.PutJsonAsync($"/api/v1/periods/{period.Id()}", new { name = "x", firstDay = "2026-12-01", lastDay = "2026-12-02" });
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    [Fact]
    public async Task Slots_DemoPeriod_HasLeaderAndDayNightStaffEveryDay()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={api.School1Id}")).GetProperty("items")[0].Id();
        var page = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/periods/{periodId}/units/{api.School1Id}/slots?from=2026-12-01&to=2026-12-02&limit=200");
        var slots = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, slots.Count);
        var leader = slots.First(s => s.GetProperty("role").GetString() == "leader");
        Assert.Equal("2026-12-01T00:00:00Z", leader.GetProperty("start").GetString());
        Assert.Equal("PT24H", leader.GetProperty("length").GetString());
        Assert.Equal("2026-12-01/L24/leader/0", leader.GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Slots_InNewYork_AcrossSpringForward_The24HourShiftLasts23Hours()
    {
        var (client, periodId, unitId) = await NewYorkPeriodAsync("2027-03-12", "2027-03-14");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{unitId}/slots");
        var lengths = page.GetProperty("items").EnumerateArray()
            .ToDictionary(s => s.GetProperty("date").GetString()!, s => s.GetProperty("length").GetString());
        // Clocks go forward at 02:00 on 2027-03-14: the shift from 03-13 08:00 to 03-14 08:00 loses an hour.
        Assert.Equal("PT24H", lengths["2027-03-12"]);
        Assert.Equal("PT23H", lengths["2027-03-13"]);
        Assert.Equal("PT24H", lengths["2027-03-14"]);
        Assert.Equal([2027], page.GetProperty("uncoveredYears").EnumerateArray().Select(y => y.GetInt32()).ToArray());
        Assert.Equal("America/New_York", page.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Slots_InNewYork_AcrossFallBack_The24HourShiftLasts25Hours()
    {
        var (client, periodId, unitId) = await NewYorkPeriodAsync("2026-10-31", "2026-10-31");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{unitId}/slots");
        var slot = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("PT25H", slot.GetProperty("length").GetString());
        // Clocks go back at 02:00 on 2026-11-01: 08:00 EDT (UTC-4) to 08:00 EST (UTC-5).
        Assert.Equal("2026-10-31T12:00:00Z", slot.GetProperty("start").GetString());
        Assert.Equal("2026-11-01T13:00:00Z", slot.GetProperty("end").GetString());
    }

    [Fact]
    public async Task Slots_RangeOutsideThePeriod_Answers400NamingFrom()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={api.School1Id}")).GetProperty("items")[0].Id();
        var response = await admin.GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/slots?from=2025-01-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from", await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Shift_LongerThan48Hours_Is400NamingLengthAndWritesNothing()
    {
        var (client, periodId, _) = await NewYorkPeriodAsync("2027-01-01", "2027-01-02");
        var response = await client.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts",
            new { code = "X", name = "超长", startsAt = "08:00:00", length = "PT49H", headcount = new { staff = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["length"], await response.ErrorFieldsAsync());
        var shifts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/shifts");
        Assert.Single(shifts.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Period_EndBeforeStart_Answers400NamingLastDay()
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/periods",
            new { unitId = api.School1Id, name = "倒置", firstDay = "2027-01-10", lastDay = "2027-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["lastDay"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Period_RuleWithoutType_Answers422NamingTheRule()
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/periods", new
        {
            unitId = api.School1Id, name = "规则", firstDay = "2027-01-01", lastDay = "2027-01-02",
            rules = new object[] { new { type = "minRest", rest = "PT12H" }, new { hours = 3 } },
        });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(["rules[1].type"], await response.ErrorFieldsAsync());
    }

    /// <summary>A unit in New York under school 1, with a period and one 24-hour leader shift at 08:00.</summary>
    private async Task<(HttpClient Client, string PeriodId, string UnitId)> NewYorkPeriodAsync(string first, string last)
    {
        var admin = await api.ClientAsync("admin");
        var unit = await admin.PostAsJsonAsync("/api/v1/units",
            new { parentId = api.School1Id, code = "ny-" + Guid.NewGuid().ToString("N")[..8], name = "纽约分校", timeZone = "America/New_York" });
        var unitId = (await unit.BodyAsync()).Id();
        var period = await admin.PostAsJsonAsync("/api/v1/periods", new { unitId, name = "DST", firstDay = first, lastDay = last });
        Assert.Equal(HttpStatusCode.Created, period.StatusCode);
        var periodId = (await period.BodyAsync()).Id();
        var shift = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts",
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });
        Assert.Equal(HttpStatusCode.Created, shift.StatusCode);
        return (admin, periodId, unitId);
    }
}
