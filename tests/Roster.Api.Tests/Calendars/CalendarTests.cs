using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Calendars;

public sealed class CalendarTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task BuiltIn_NewYear2026_HolidaysThenMakeUpWorkday()
    {
        var client = await api.ClientAsync("staff");
        var calendars = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendars");
        var builtin = calendars.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "cn-mainland");
        Assert.True(builtin.GetProperty("builtin").GetBoolean());

        var days = await client.GetFromJsonAsync<JsonElement>($"/api/v1/calendars/{builtin.Id()}/days?from=2026-01-01&to=2026-01-05");
        var types = days.EnumerateArray().Select(d => d.GetProperty("dayType").GetString()!).ToArray();
        Assert.Equal(["holiday", "holiday", "holiday", "makeUpWorkday", "workday"], types);
        Assert.Equal("元旦", days[0].GetProperty("holiday").GetString());
    }

    [Fact]
    public async Task BuiltIn_CannotBeChanged()
    {
        var admin = await api.ClientAsync("admin");
        var calendars = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendars");
        var id = calendars.GetProperty("items")[0].Id();
        var response = await admin.PutJsonAsync($"/api/v1/calendars/{id}", new { code = "x", name = "x", document = new { } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Custom_ValidDocument_IsStoredAndDrivesDayTypes()
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/calendars", new
        {
            unitId = api.School1Id, code = "school-1-2027", name = "校历 2027",
            document = new
            {
                id = "school-1-2027", name = new Dictionary<string, string> { ["zh-CN"] = "校历", ["en"] = "School calendar" },
                years = new Dictionary<string, object>
                {
                    ["2027"] = new
                    {
                        holidays = new[] { new { name = "校庆", nameEn = "School day", from = "2027-01-06", to = "2027-01-07" } },
                        makeUpWorkdays = new[] { "2027-01-09" },
                    },
                },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.BodyAsync()).Id();
        var days = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calendars/{id}/days?from=2027-01-06&to=2027-01-09");
        Assert.Equal(["holiday", "holiday", "workday", "makeUpWorkday"], days.EnumerateArray().Select(d => d.GetProperty("dayType").GetString()!).ToArray());
    }

    [Fact]
    public async Task Custom_InvalidDocument_Answers400NamingThePathInside()
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/calendars", new
        {
            unitId = api.School1Id, code = "bad", name = "坏",
            document = new
            {
                id = "bad", name = new Dictionary<string, string> { ["en"] = "Bad" },
                years = new Dictionary<string, object>
                {
                    ["2027"] = new { holidays = new[] { new { name = "x", from = "2027-01-07", to = "2027-01-06" } }, makeUpWorkdays = Array.Empty<string>() },
                },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("document.years.2027.holidays[0].to", await response.ErrorFieldsAsync());
    }
}
