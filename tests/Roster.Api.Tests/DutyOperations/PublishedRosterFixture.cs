using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.DutyOperations;

/// <summary>Helpers for tests that need school 1's demo roster published.</summary>
internal static class PublishedRoster
{
    public static async Task<string> EnsureAsync(ApiFixture api, int seed)
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var published = await admin.GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=published", UriKind.Relative));
        if (published.StatusCode == HttpStatusCode.NotFound)
        {
            await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed);
            await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        }

        return periodId;
    }

    public static async Task<List<JsonElement>> AssignmentsAsync(ApiFixture api, string periodId)
    {
        var admin = await api.ClientAsync("admin");
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster?version=published");
        return roster.GetProperty("assignments").EnumerateArray().ToList();
    }

    public static Instant Start(JsonElement duty) => InstantPattern.ExtendedIso.Parse(duty.GetProperty("start").GetString()!).Value;
}
