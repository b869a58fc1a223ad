using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Feeds;

/// <summary>Generates (through <see cref="RosterSteps"/>, bounded by iterations) and publishes the demo period's roster
/// of a unit, as an administrator would, and reads the resulting version back.</summary>
public static class PublishedRosters
{
    /// <summary>Generates a draft and publishes it; returns the published roster.</summary>
    public static async Task<JsonElement> PublishAsync(HttpClient admin, string periodId, Guid unitId, int seed)
    {
        await RosterSteps.GenerateAsync(admin, periodId, unitId, seed);
        await RosterSteps.PublishAsync(admin, periodId, unitId);
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{unitId}/roster?version=published");
    }

    /// <summary>Generates a draft and returns it.</summary>
    public static async Task<JsonElement> GenerateAsync(HttpClient admin, string periodId, Guid unitId, int seed)
    {
        await RosterSteps.GenerateAsync(admin, periodId, unitId, seed);
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{unitId}/roster?version=draft");
    }
}
