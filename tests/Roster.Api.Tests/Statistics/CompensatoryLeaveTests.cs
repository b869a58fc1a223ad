using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Statistics;

/// <summary>Compensatory time off (补休) earned by duties is taken as leave of kind compensatory, never beyond the balance.</summary>
public sealed class CompensatoryLeaveTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task CompensatoryLeave_SpendsTheBalance_AndBeyondItIsRefusedWithTheBalance()
    {
        var world = await StatisticsWorld.CreateAsync(api, "cl-balance");
        await StatisticsRates.SetAsync(api, world);
        var staff = await api.ClientAsync(world.Staff);
        var url = $"/api/v1/people/{world.Wang}/leaves";
        // Wang served two holiday duties (8 h each) and a make-up workday (2 h): 18 hours.

        var tooMuch = await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-10", lastDay = "2026-12-12", kind = "compensatory" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal("application/problem+json", tooMuch.Content.Headers.ContentType?.MediaType);
        var problem = await tooMuch.BodyAsync();
        Assert.Equal(18m, problem.GetProperty("balance").GetDecimal());
        Assert.Equal(["hours"], await tooMuch.ErrorFieldsAsync());

        var twoDays = await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-10", lastDay = "2026-12-11", kind = "compensatory" });
        Assert.Equal(HttpStatusCode.Created, twoDays.StatusCode);
        var taken = await twoDays.BodyAsync();
        Assert.Equal((16m, "requested"), (taken.GetProperty("hours").GetDecimal(), taken.GetProperty("status").GetString()));

        var four = await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-14", lastDay = "2026-12-14", kind = "compensatory", hours = 4m });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, four.StatusCode);
        Assert.Equal(2m, (await four.BodyAsync()).GetProperty("balance").GetDecimal());
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-14", lastDay = "2026-12-14", kind = "compensatory", hours = 2m })).StatusCode);

        // Cancelling gives the hours back.
        var admin = await api.ClientAsync(world.Admin);
        var cancelled = await admin.PutJsonAsync($"/api/v1/leaves/{taken.Id()}",
            new { firstDay = "2026-12-10", lastDay = "2026-12-11", kind = "compensatory", status = "cancelled", hours = 16m }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-15", lastDay = "2026-12-15", kind = "compensatory" })).StatusCode);
        var last = await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-16", lastDay = "2026-12-17", kind = "compensatory" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, last.StatusCode);
        Assert.Equal(8m, (await last.BodyAsync()).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Balance_ShowsEarnedTakenAndAvailable_ToThePersonAndTheUnitsAdmins()
    {
        var world = await StatisticsWorld.CreateAsync(api, "cl-read");
        await StatisticsRates.SetAsync(api, world);
        var staff = await api.ClientAsync(world.Staff);
        var url = $"/api/v1/people/{world.Wang}/compensatory-balance";
        var before = await staff.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal((18m, 0m, 18m), (before.GetProperty("earned").GetDecimal(), before.GetProperty("taken").GetDecimal(), before.GetProperty("available").GetDecimal()));

        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/v1/people/{world.Wang}/leaves",
            new { firstDay = "2026-12-10", lastDay = "2026-12-10", kind = "compensatory", hours = 5m })).StatusCode);
        var admin = await api.ClientAsync(world.Admin);
        var after = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal((18m, 5m, 13m), (after.GetProperty("earned").GetDecimal(), after.GetProperty("taken").GetDecimal(), after.GetProperty("available").GetDecimal()));

        // A colleague's balance is not for staff; another school's admin does not see the person at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/people/{world.Li}/compensatory-balance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.ClientAsync("admin2")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Hours_AreOnlyForCompensatoryLeave_AndWithinAWorkingDayPerDay()
    {
        var world = await StatisticsWorld.CreateAsync(api, "cl-hours");
        var staff = await api.ClientAsync(world.Staff);
        var url = $"/api/v1/people/{world.Wang}/leaves";
        var onLeave = await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-10", lastDay = "2026-12-10", kind = "leave", hours = 8m });
        Assert.Equal(HttpStatusCode.BadRequest, onLeave.StatusCode);
        Assert.Equal(["hours"], await onLeave.ErrorFieldsAsync());
        var tooLong = await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-10", lastDay = "2026-12-10", kind = "compensatory", hours = 9m });
        Assert.Equal(["hours"], await tooLong.ErrorFieldsAsync());
        // Without rates nothing was earned: even an hour is refused.
        var none = await staff.PostAsJsonAsync(url, new { firstDay = "2026-12-10", lastDay = "2026-12-10", kind = "compensatory", hours = 1m });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal(0m, (await none.BodyAsync()).GetProperty("balance").GetDecimal());
    }
}
