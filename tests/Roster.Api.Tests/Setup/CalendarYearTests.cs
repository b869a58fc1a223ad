using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Setup;

/// <summary>A period reaching a year without holiday data warns; a bureau admin loads the year's official dates.</summary>
public sealed class CalendarYearTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task PeriodInto2027_Warns_UntilABureauAdminLoads2027()
    {
        await api.CreateAccountAsync("bureau-admin-c", null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-c");
        var created = await admin.PostAsJsonAsync("/api/v1/periods", new { unitId = api.BureauId, name = "寒假", firstDay = "2026-12-20", lastDay = "2027-02-20" });
        var period = await created.BodyAsync();
        var warning = Assert.Single(period.GetProperty("warnings").EnumerateArray());
        Assert.Equal("holidays-not-loaded", warning.GetProperty("code").GetString());
        Assert.Equal(2027, warning.GetProperty("year").GetInt32());
        Assert.StartsWith("2027 holidays not loaded", warning.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
        var calendarId = period.GetProperty("calendarId").GetString();

        var schoolAdmin = await api.ClientAsync("admin");
        var year = new
        {
            holidays = new[] { new { name = "元旦", nameEn = "New Year's Day", from = "2027-01-01", to = "2027-01-03" } },
            makeUpWorkdays = Array.Empty<string>(),
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolAdmin.PutJsonAsync($"/api/v1/calendars/{calendarId}/years/2027", year)).StatusCode);

        var outside = await admin.PutJsonAsync($"/api/v1/calendars/{calendarId}/years/2027", new
        {
            holidays = new[] { new { name = "元旦", from = "2026-12-31", to = "2027-01-01" } }, makeUpWorkdays = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("holidays[0].from", await outside.ErrorFieldsAsync());
        var both = await admin.PutJsonAsync($"/api/v1/calendars/{calendarId}/years/2027", new
        {
            holidays = new[] { new { name = "春节", from = "2027-02-06", to = "2027-02-13" } }, makeUpWorkdays = new[] { "2027-02-06" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("makeUpWorkdays[0]", await both.ErrorFieldsAsync());

        var loaded = await admin.PutJsonAsync($"/api/v1/calendars/{calendarId}/years/2027", year);
        Assert.True(loaded.StatusCode == HttpStatusCode.OK, await loaded.Content.ReadAsStringAsync());
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{period.Id()}");
        Assert.Equal(0, after.GetProperty("warnings").GetArrayLength());
        var day = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calendars/{calendarId}/days?from=2027-01-02&to=2027-01-02");
        Assert.Equal("元旦", day[0].GetProperty("holiday").GetString());
    }
}
