using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Rosters;

/// <summary>Makes the demo period's day shift (D) ask for one standby staff member, edited by a bureau admin account
/// it creates under the given username.</summary>
public static class StandbyShifts
{
    public static async Task AskForDayStandbyAsync(ApiFixture api, string username, string periodId)
    {
        await api.CreateAccountAsync(username, null, api.BureauId, "admin");
        var client = await api.ClientAsync(username);
        var shift = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/shifts")).GetProperty("items").EnumerateArray()
            .Single(s => s.GetProperty("code").GetString() == "D");
        var response = await client.PutJsonAsync($"/api/v1/periods/{periodId}/shifts/{shift.Id()}", new
        {
            code = "D",
            name = shift.GetProperty("name").GetString(),
            nameEn = shift.GetProperty("nameEn").GetString(),
            dayTypes = shift.GetProperty("dayTypes"),
            startsAt = shift.GetProperty("startsAt").GetString(),
            length = shift.GetProperty("length").GetString(),
            headcount = shift.GetProperty("headcount"),
            standby = new { staff = 1 },
        }, $"\"{shift.GetProperty("version").GetInt32()}\"");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
