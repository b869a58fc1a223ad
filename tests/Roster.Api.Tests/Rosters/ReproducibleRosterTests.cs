using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Rosters;

/// <summary>
/// The same people, rules, seed and work budget give the same roster, whatever ids the database handed out and in
/// whatever order the people were entered: the engine sees people in a canonical order, not the order of random ids.
/// </summary>
public sealed class ReproducibleRosterTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Leaders = ["领导甲", "领导乙", "领导丙"];
    private static readonly string[] Staff = ["职员一", "职员二", "职员三", "职员四", "职员五", "职员六", "职员七"];

    [Fact]
    public async Task SamePeopleEnteredInOppositeOrders_GetTheSameRosterByName()
    {
        var admin = await api.ClientAsync("admin");
        var forward = await GenerateAsync(admin, "same-a", reversed: false);
        var backward = await GenerateAsync(admin, "same-b", reversed: true);

        Assert.True(forward.Values.Distinct().Count() >= 6, "the roster spreads duties over several people");
        Assert.Equal(forward.OrderBy(a => a.Key, StringComparer.Ordinal), backward.OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    /// <summary>A week with a 24-hour leader shift and a two-person day shift; the draft as slot key → person name.</summary>
    private async Task<Dictionary<string, string>> GenerateAsync(HttpClient admin, string code, bool reversed)
    {
        var unit = await (await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code, name = code })).BodyAsync();
        var people = Leaders.Select(n => (Name: n, Role: "leader")).Concat(Staff.Select(n => (Name: n, Role: "staff"))).ToList();
        if (reversed)
        {
            people.Reverse();
        }

        foreach (var (name, role) in people)
        {
            var created = await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id()}/people", new { name, roles = new[] { role } });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var period = await (await admin.PostAsJsonAsync("/api/v1/periods",
            new { unitId = unit.Id(), name = code, firstDay = "2027-01-04", lastDay = "2027-01-17" })).BodyAsync();
        await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/shifts",
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });
        await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/shifts",
            new { code = "D", name = "白班", startsAt = "08:00:00", length = "PT10H", headcount = new { staff = 2 } });
        await RosterSteps.GenerateAsync(admin, period.Id(), Guid.Parse(unit.Id()), seed: 5, iterations: 20_000);

        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{period.Id()}/units/{unit.Id()}/roster");
        return roster.GetProperty("assignments").EnumerateArray()
            .ToDictionary(a => a.GetProperty("slotKey").GetString()!, a => a.GetProperty("personName").GetString()!, StringComparer.Ordinal);
    }
}
