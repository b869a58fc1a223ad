using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Feeds;

/// <summary>Generates and publishes the demo period's roster of a unit, as an administrator would.</summary>
public static class PublishedRosters
{
    /// <summary>The demo period (declared by the bureau) as it applies to school 1.</summary>
    public static async Task<string> DemoPeriodIdAsync(ApiFixture api, HttpClient client)
    {
        var periods = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={api.School1Id}");
        return periods.GetProperty("items").EnumerateArray().First(p => p.GetProperty("unitId").GetString() == api.BureauId.ToString()).Id();
    }

    /// <summary>Generates a draft (seeded, about a second) and publishes it; returns the published roster.</summary>
    public static async Task<JsonElement> PublishAsync(HttpClient admin, string periodId, Guid unitId, int seed)
    {
        await GenerateAsync(admin, periodId, unitId, seed);
        var published = await admin.PostAsync(new Uri($"/api/v1/periods/{periodId}/units/{unitId}/roster:publish", UriKind.Relative), null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{unitId}/roster?version=published");
    }

    /// <summary>Generates a draft and returns it.</summary>
    public static async Task<JsonElement> GenerateAsync(HttpClient admin, string periodId, Guid unitId, int seed)
    {
        var started = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{unitId}/roster:generate", new { seconds = 1, seed });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobId = (await started.BodyAsync()).GetProperty("jobs")[0].Id();
        var status = "";
        // Bounded polling of the generation job: about a second of work, at most 30 s.
        for (var i = 0; i < 300 && status is not ("succeeded" or "failed" or "cancelled"); i++)
        {
            await Task.Delay(100);
            status = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/roster-jobs/{jobId}")).GetProperty("status").GetString();
        }

        Assert.Equal("succeeded", status);
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{unitId}/roster?version=draft");
    }
}
