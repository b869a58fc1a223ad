using System.Net;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Statistics;

/// <summary>The world's rate card: workday 100 CNY, weekend 200 CNY + 4 h, holiday 300 CNY + 8 h, make-up workday 150 CNY + 2 h.</summary>
internal static class StatisticsRates
{
    public static async Task SetAsync(ApiFixture api, StatisticsWorld world)
    {
        var admin = await api.ClientAsync(world.Admin);
        var response = await admin.PutJsonAsync($"/api/v1/units/{world.UnitId}/duty-rates", new
        {
            workday = new { allowance = 100m },
            weekend = new { allowance = 200m, compensatoryHours = 4m },
            holiday = new { allowance = 300m, compensatoryHours = 8m },
            makeUpWorkday = new { allowance = 150m, compensatoryHours = 2m },
        }, "\"0\"");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
