using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.DutyOperations;

public sealed class SpotCheckTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task SpotCheck_DrawsPeopleOnDutyNowWithPhones_OutcomesAreTallied()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 41);
        var at = Instant.FromUtc(2026, 12, 9, 2, 0);
        api.Clock.Reset(at);
        var onDuty = (await PublishedRoster.AssignmentsAsync(api, periodId))
            .Where(a => PublishedRoster.Start(a) <= at && at < NodaTime.Text.InstantPattern.ExtendedIso.Parse(a.GetProperty("end").GetString()!).Value)
            .Select(a => a.GetProperty("personId").GetString()).ToHashSet();

        var supervisor = await api.ClientAsync("supervisor");
        var drawn = await supervisor.PostAsJsonAsync("/api/v1/spot-checks", new { unitId = api.BureauId, count = 2, seed = 5 });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var check = await drawn.BodyAsync();
        Assert.Equal(onDuty.Count, check.GetProperty("onDuty").GetInt32());
        var items = check.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Contains(i.GetProperty("personId").GetString(), onDuty));
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("phone").GetString())));

        var same = await (await supervisor.PostAsJsonAsync("/api/v1/spot-checks", new { unitId = api.BureauId, count = 2, seed = 5 })).BodyAsync();
        Assert.Equal(items.Select(i => i.GetProperty("personId").GetString()), same.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("personId").GetString()));

        var bad = await supervisor.PostAsJsonAsync($"/api/v1/spot-check-items/{items[0].Id()}:record", new { outcome = "asleep" });
        Assert.Equal(["outcome"], await bad.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/spot-check-items/{items[0].Id()}:record", new { outcome = "on_post" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/spot-check-items/{items[1].Id()}:record", new { outcome = "not_reached", note = "电话无人接听 no answer" })).StatusCode);

        var results = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/spot-checks/results?unit={api.BureauId}&period={periodId}");
        var school = results.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == api.School1Id.ToString());
        Assert.Equal(1, school.GetProperty("onPost").GetInt64());
        Assert.Equal(1, school.GetProperty("notReached").GetInt64());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("staff")]
    public async Task SpotCheck_ByAnAccountThatOverseesNothing_Is403(string account)
    {
        var client = await api.ClientAsync(account);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/spot-checks", new { unitId = api.School1Id })).StatusCode);
    }

    [Fact]
    public async Task SpotCheck_CountOf1000_NamesCount()
    {
        var supervisor = await api.ClientAsync("supervisor");
        var bad = await supervisor.PostAsJsonAsync("/api/v1/spot-checks", new { unitId = api.BureauId, count = 1000 });
        Assert.Equal(["count"], await bad.ErrorFieldsAsync());
    }

}
