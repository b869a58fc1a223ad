using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.OnDuty;

/// <summary>Who is on duty now: the board of a subtree from the published rosters, with phones and check-in.</summary>
public sealed class OnDutyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Board_AtAnInstant_ListsWhoIsOnDutyWithTheUnitsPhone()
    {
        var (supervisor, at, expected) = await PublishedWithPhoneAsync();
        var board = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/on-duty?unit={api.BureauId}&at={InstantPattern.ExtendedIso.Format(at)}");
        var school = board.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetGuid() == api.School1Id);
        Assert.Equal("010-8888 0001", school.GetProperty("dutyPhone").GetString());
        var onDuty = school.GetProperty("onDuty").EnumerateArray().ToList();
        Assert.Equal(expected.Order(), onDuty.Select(p => p.GetProperty("personId").GetString()).Order());
        Assert.Equal("leader", onDuty[0].GetProperty("role").GetString());
        Assert.All(onDuty, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString()));
            Assert.Equal("on_site", p.GetProperty("presence").GetString());
            Assert.False(p.GetProperty("checkedIn").GetBoolean());
        });
        Assert.DoesNotContain(board.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitId").GetGuid() == api.BureauId);
    }

    [Fact]
    public async Task Board_Read_WritesNothing()
    {
        var (supervisor, at, _) = await PublishedWithPhoneAsync();
        var before = await DatabaseFingerprint.OfAsync(api);
        await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/on-duty?unit={api.BureauId}&at={InstantPattern.ExtendedIso.Format(at)}");
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(api));
    }

    [Theory]
    [InlineData("unit={bureau}&at=yesterday", "at")]
    [InlineData("", "unit")]
    public async Task Board_BadQuery_Is400NamingTheField(string query, string field)
    {
        var supervisor = await api.ClientAsync("supervisor");
        var bad = await supervisor.GetAsync(new Uri("/api/v1/on-duty" + (query.Length == 0 ? "" : "?" + query.Replace("{bureau}", api.BureauId.ToString(), StringComparison.Ordinal)), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal([field], await bad.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("admin2")]
    public async Task Board_OfAUnitOutsideTheAccountsOversight_Is404(string account)
    {
        var client = await api.ClientAsync(account);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/on-duty?unit={api.School1Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task DutyPhone_NotAPhoneNumber_Is400NamingDutyPhone()
    {
        var phone = await (await api.ClientAsync("admin")).PutAsJsonAsync($"/api/v1/units/{api.School1Id}/duty-phone", new { dutyPhone = "call me" });
        Assert.Equal(HttpStatusCode.BadRequest, phone.StatusCode);
        Assert.Equal(["dutyPhone"], await phone.ErrorFieldsAsync());
    }

    /// <summary>School 1's demo roster generated (seed 5) and published, once, with a duty phone: the supervisor, an instant 90
    /// minutes into a leader's duty and the people whose duties cover it.</summary>
    private async Task<(HttpClient Supervisor, Instant At, List<string?> Expected)> PublishedWithPhoneAsync()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        if ((await admin.GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=published", UriKind.Relative))).StatusCode == HttpStatusCode.NotFound)
        {
            await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 5);
            await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(
            $"/api/v1/units/{api.School1Id}/duty-phone", new { dutyPhone = "010-8888 0001" })).StatusCode);
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster");
        var assignments = roster.GetProperty("assignments").EnumerateArray().ToList();
        var pick = assignments.First(a => a.GetProperty("role").GetString() == "leader");
        var at = InstantPattern.ExtendedIso.Parse(pick.GetProperty("start").GetString()!).Value + Duration.FromMinutes(90);
        var expected = assignments.Where(a =>
            InstantPattern.ExtendedIso.Parse(a.GetProperty("start").GetString()!).Value <= at
            && at < InstantPattern.ExtendedIso.Parse(a.GetProperty("end").GetString()!).Value).Select(a => a.GetProperty("personId").GetString()).ToList();
        return (await api.ClientAsync("supervisor"), at, expected);
    }
}
