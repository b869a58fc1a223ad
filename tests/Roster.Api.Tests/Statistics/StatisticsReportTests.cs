using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Exports;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Statistics;

/// <summary>The monthly report: a draft until the unit's admin confirms what they read; then frozen, changes shown as corrections.</summary>
public sealed class StatisticsReportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ConfirmedMonth_IsFrozen_AndALaterChangeShowsAsACorrection()
    {
        var world = await StatisticsWorld.CreateAsync(api, "rp-frozen");
        await StatisticsRates.SetAsync(api, world);
        var admin = await api.ClientAsync(world.Admin);
        var url = $"/api/v1/units/{world.UnitId}/statistics-report?month=2026-10";
        var confirmUrl = $"/api/v1/units/{world.UnitId}/statistics-report:confirm?month=2026-10";

        var draft = await admin.GetAsync(new Uri(url, UriKind.Relative));
        var body = await draft.BodyAsync();
        Assert.Equal(("draft", "2026-10", "2026-10-31"), (body.GetProperty("state").GetString(), body.GetProperty("month").GetString(), body.GetProperty("to").GetString()));
        Assert.Equal((8, 1600m, 32m), Totals(body));
        var tag = draft.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await ConfirmAsync(admin, confirmUrl, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await ConfirmAsync(admin, confirmUrl, "\"draft-0\"")).StatusCode);
        var confirmed = await ConfirmAsync(admin, confirmUrl, tag);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("confirmed", (await confirmed.BodyAsync()).GetProperty("state").GetString());

        // A duty added afterwards: Wang on 10-12, a workday (100 CNY, no time off).
        await StatisticsWorld.AssignAsync(api, world.UnitId, "2026-10-12", "D", world.Wang);
        var frozen = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("confirmed", frozen.GetProperty("state").GetString());
        Assert.Equal((8, 1600m, 32m), Totals(frozen));
        var wang = frozen.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("personId").GetGuid() == world.Wang);
        Assert.Equal(4, wang.GetProperty("duties").GetInt32());
        var corrections = frozen.GetProperty("corrections").EnumerateArray()
            .Select(c => (c.GetProperty("personId").GetGuid(), c.GetProperty("field").GetString(), c.GetProperty("confirmed").GetDecimal(), c.GetProperty("current").GetDecimal()))
            .ToList();
        Assert.Equal(
            [(world.Wang, "duties", 4m, 5m), (world.Wang, "byDayType.workday", 1m, 2m), (world.Wang, "hours", 48m, 60m), (world.Wang, "allowance", 850m, 950m)],
            corrections);

        // The live statistics already count it; confirming the month again is a conflict.
        var live = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/duty?unit={world.UnitId}&from=2026-10-01&to=2026-10-31");
        Assert.Equal(5, live.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("personId").GetGuid() == world.Wang).GetProperty("duties").GetInt32());
        var again = await admin.GetAsync(new Uri(url, UriKind.Relative));
        var conflict = await ConfirmAsync(admin, confirmUrl, again.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(["month"], await conflict.ErrorFieldsAsync());

        var xlsx = await admin.GetAsync(new Uri($"/api/v1/units/{world.UnitId}/statistics-report.xlsx?month=2026-10", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var book = await XlsxReader.ReadAsync(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains("值班统计月报", book.HeaderCenter, StringComparison.Ordinal);
        Assert.Contains("已确认 Confirmed", book.HeaderCenter, StringComparison.Ordinal);
        var cells = book.Cells;
        Assert.Equal("状态\nState", cells.Text("S1"));
        // Rows by name (李 before 王), then Wang's correction row with his current figures.
        Assert.Equal(["李值班", "王值班", "王值班", ""], new[] { "B2", "B3", "B4", "B5" }.Select(r => cells.Text(r)).ToArray());
        Assert.Equal("4", cells.Text("C3"));
        Assert.StartsWith("更正 Correction: 值班次数 Duties 4 → 5", cells.Text("S4"), StringComparison.Ordinal);
        Assert.Equal("5", cells.Text("C4"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?month=2026-13")]
    [InlineData("?month=2026-1")]
    public async Task BadMonth_IsAProblemNamingMonth(string query)
    {
        var supervisor = await api.ClientAsync("supervisor");
        var response = await supervisor.GetAsync(new Uri($"/api/v1/units/{api.School1Id}/statistics-report{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["month"], await response.ErrorFieldsAsync());
    }

    private static (int Duties, decimal Allowance, decimal Hours) Totals(JsonElement report)
    {
        var t = report.GetProperty("totals");
        return (t.GetProperty("duties").GetInt32(), t.GetProperty("allowance").GetDecimal(), t.GetProperty("compensatoryHours").GetDecimal());
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string url, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
