using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Setup;

/// <summary>A period says which units of its subtree keep a roster; the others get no slots, no jobs and no heat-map rows.</summary>
public sealed class RosteredUnitsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task LeavesPeriod_OnlySchoolsGetSlotsJobsAndHeatMapRows_BureauOptsIn()
    {
        await api.CreateAccountAsync("bureau-admin-r", null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-r");
        var created = await admin.PostAsJsonAsync("/api/v1/periods", new
        {
            unitId = api.BureauId, name = "春节", firstDay = "2027-02-01", lastDay = "2027-02-03", rosterUnits = new { mode = "leaves" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var period = await created.BodyAsync();
        Assert.Equal("leaves", period.GetProperty("rosterUnits").GetProperty("mode").GetString());
        var periodId = period.Id();
        var shift = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts",
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });
        Assert.Equal(HttpStatusCode.Created, shift.StatusCode);

        Assert.Equal(0, await SlotCountAsync(admin, periodId, api.BureauId));
        Assert.Equal(3, await SlotCountAsync(admin, periodId, api.School1Id));

        var jobs = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.BureauId}/roster:generate",
            new { subtree = true, seconds = 5, iterations = 1000 });
        Assert.Equal(HttpStatusCode.Accepted, jobs.StatusCode);
        var units = (await jobs.BodyAsync()).GetProperty("jobs").EnumerateArray()
            .Where(j => j.GetProperty("kind").GetString() == "unit").Select(j => j.GetProperty("unitId").GetString()).ToList();
        Assert.DoesNotContain(api.BureauId.ToString(), units);
        Assert.Contains(api.School1Id.ToString(), units);

        var alone = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.BureauId}/roster:generate", new { seconds = 5 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, alone.StatusCode);
        Assert.Contains("unitId", await alone.ErrorFieldsAsync());

        var heat = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/coverage?unit={api.BureauId}&from=2027-02-01&to=2027-02-03");
        var rows = heat.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unitId").GetString()).Distinct().ToList();
        Assert.DoesNotContain(api.BureauId.ToString(), rows);
        Assert.Contains(api.School2Id.ToString(), rows);

        // The bureau's own duty office opts in.
        var etag = (await admin.GetAsync(new Uri($"/api/v1/periods/{periodId}", UriKind.Relative))).Headers.ETag!.Tag;
        var optIn = await admin.PutJsonAsync($"/api/v1/periods/{periodId}", new
        {
            name = "春节", firstDay = "2027-02-01", lastDay = "2027-02-03", rosterUnits = new { mode = "leaves", includeOwnUnit = true },
        }, etag);
        Assert.Equal(HttpStatusCode.OK, optIn.StatusCode);
        Assert.Equal(3, await SlotCountAsync(admin, periodId, api.BureauId));
    }

    [Fact]
    public async Task ListPeriod_UnitOutsideTheSubtree_Is400NamingTheEntry()
    {
        await api.CreateAccountAsync("school1-admin-r", null, api.School1Id, "admin");
        var school = await api.ClientAsync("school1-admin-r");
        var outside = await school.PostAsJsonAsync("/api/v1/periods", new
        {
            unitId = api.School1Id, name = "x", firstDay = "2027-02-01", lastDay = "2027-02-02",
            rosterUnits = new { mode = "list", unitIds = new[] { api.School2Id } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("rosterUnits.unitIds[0]", await outside.ErrorFieldsAsync());
    }

    [Fact]
    public async Task ListPeriod_OfOneSchool_GivesThatSchoolAloneSlots()
    {
        await api.CreateAccountAsync("bureau-admin-l", null, api.BureauId, "admin");
        var bureau = await api.ClientAsync("bureau-admin-l");
        var listed = await bureau.PostAsJsonAsync("/api/v1/periods", new
        {
            unitId = api.BureauId, name = "考试", firstDay = "2027-02-01", lastDay = "2027-02-01",
            rosterUnits = new { mode = "list", unitIds = new[] { api.School2Id } },
        });
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        var periodId = (await listed.BodyAsync()).Id();
        await bureau.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts",
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });
        Assert.Equal(1, await SlotCountAsync(bureau, periodId, api.School2Id));
        Assert.Equal(0, await SlotCountAsync(bureau, periodId, api.School1Id));
    }

    private static async Task<int> SlotCountAsync(HttpClient client, string periodId, Guid unitId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{unitId}/slots?limit=200");
        return page.GetProperty("items").GetArrayLength();
    }
}
