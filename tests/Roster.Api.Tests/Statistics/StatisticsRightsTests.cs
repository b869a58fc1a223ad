using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Statistics;

/// <summary>Staff see only their own statistics, administrators their subtree, supervisors read only; others 404.</summary>
public sealed class StatisticsRightsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Staff_SeeOnlyTheirOwnRow_AndNoUnitFiguresOrReports()
    {
        var world = await StatisticsWorld.CreateAsync(api, "rt-staff");
        var staff = await api.ClientAsync(world.Staff);
        var query = $"unit={world.UnitId}&from=2026-10-05&to=2026-10-11";

        var own = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/duty?{query}");
        Assert.Equal([world.Wang], own.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("personId").GetGuid()).ToArray());
        Assert.Equal(4, own.GetProperty("people")[0].GetProperty("duties").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri($"/api/v1/statistics/duty?{query}&groupBy=unit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri($"/api/v1/units/{world.UnitId}/statistics-report?month=2026-10", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutJsonAsync($"/api/v1/units/{world.UnitId}/duty-rates", new { }, "\"0\"")).StatusCode);
        // The demo staff member belongs to school 1: the world's unit is not theirs at all.
        var demoStaff = await api.ClientAsync("staff");
        Assert.Equal(HttpStatusCode.NotFound, (await demoStaff.GetAsync(new Uri($"/api/v1/statistics/duty?{query}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Admins_SeeTheirSubtree_OtherAdminsGet404()
    {
        var world = await StatisticsWorld.CreateAsync(api, "rt-admin");
        var query = $"unit={world.UnitId}&from=2026-10-05&to=2026-10-11";
        var admin = await api.ClientAsync(world.Admin);
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/duty?{query}");
        Assert.Equal(2, all.GetProperty("people").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/api/v1/statistics/duty?{query}&groupBy=unit", UriKind.Relative))).StatusCode);

        var other = await api.ClientAsync("admin2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/statistics/duty?{query}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/statistics/duty.xlsx?{query}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/units/{world.UnitId}/statistics-report?month=2026-10", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutJsonAsync($"/api/v1/units/{world.UnitId}/duty-rates", new { }, "\"0\"")).StatusCode);
        // An administrator of a school does not see the bureau above it.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/v1/statistics/duty?unit={api.BureauId}&from=2026-10-05&to=2026-10-11", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Supervisors_ReadEverything_ButChangeNothing()
    {
        var world = await StatisticsWorld.CreateAsync(api, "rt-super");
        var supervisor = await api.ClientAsync("supervisor");
        var bureau = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/duty?unit={api.BureauId}&from=2026-10-05&to=2026-10-11");
        Assert.Contains(world.Li, bureau.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("personId").GetGuid()));

        var report = await supervisor.GetAsync(new Uri($"/api/v1/units/{world.UnitId}/statistics-report?month=2026-10", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var confirm = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/units/{world.UnitId}/statistics-report:confirm?month=2026-10");
        confirm.Headers.TryAddWithoutValidation("If-Match", report.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.SendAsync(confirm)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutJsonAsync($"/api/v1/units/{world.UnitId}/duty-rates", new { }, "\"0\"")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutJsonAsync($"/api/v1/periods/{world.PeriodId}/duty-rates", new { }, "\"0\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(new Uri($"/api/v1/units/{world.UnitId}/duty-rates", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Rates_NeedIfMatch_AndRefuseBadAmountsByField()
    {
        var world = await StatisticsWorld.CreateAsync(api, "rt-rates");
        var admin = await api.ClientAsync(world.Admin);
        var url = $"/api/v1/units/{world.UnitId}/duty-rates";
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await admin.PutJsonAsync(url, new { workday = new { allowance = 1m } })).StatusCode);
        var bad = await admin.PutJsonAsync(url, new { workday = new { allowance = -1m }, holiday = new { compensatoryHours = 0.001m } }, "\"0\"");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["holiday.compensatoryHours", "workday.allowance"], (await bad.ErrorFieldsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync(url, new { workday = new { allowance = 80.5m } }, "\"0\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.PutJsonAsync(url, new { workday = new { allowance = 90m } }, "\"0\"")).StatusCode);
        var read = await admin.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(80.5m, (await read.BodyAsync()).GetProperty("workday").GetProperty("allowance").GetDecimal());
    }
}
