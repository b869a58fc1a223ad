using System.Net;
using Roster.Api.Tests.Feeds;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Exports;

public sealed class CoverageReportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task CoverageReport_Supervisor_CountsRequiredFilledAndUnfilledPerUnitAndDay()
    {
        var admin = await api.ClientAsync("admin");
        await PublishedRosters.PublishAsync(admin, await api.DemoPeriodIdAsync(admin), api.School1Id, seed: 9);
        var supervisor = await api.ClientAsync("supervisor");

        var response = await supervisor.GetAsync(new Uri($"/api/v1/coverage-report.xlsx?unit={api.BureauId}&from=2026-12-01&to=2026-12-07", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var book = await XlsxReader.ReadAsync(await response.Content.ReadAsByteArrayAsync());
        var cells = book.Cells;
        Assert.Contains("示范区教育局", book.HeaderCenter, StringComparison.Ordinal);
        Assert.Equal(["单位", "日期", "应排", "已排", "空岗"], new[] { "A1", "B1", "E1", "F1", "G1" }.Select(r => cells.Text(r).Split('\n')[0]));
        Assert.Equal("空岗\nUnfilled slots", cells.Text("G1"));
        var rows = Enumerable.Range(2, 100).Where(r => cells.Text("A" + r) != "").ToList();
        Assert.Equal($"A1:H{rows[^1]}", book.AutoFilter);
        Assert.All(rows, r => Assert.Equal(("date", "yyyy-mm-dd"), (cells["B" + r].Kind, cells["B" + r].NumberFormat)));
        Assert.Equal("2026-12-01", cells.Text("B2"));
        Assert.Equal("number", cells["E2"].Kind);
        var units = rows.Select(r => cells.Text("A" + r)).Distinct().ToList();
        Assert.True(units.Count >= 3, string.Join(", ", units));
        Assert.Equal(units.Count * 7, rows.Count);

        var school1 = rows.Where(r => cells.Text("A" + r).StartsWith("第一中学", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, school1.Count);
        Assert.All(school1, r => Assert.Equal(("3", "3", "0"), (cells.Text("E" + r), cells.Text("F" + r), cells.Text("G" + r))));
        var school2 = rows.Where(r => cells.Text("A" + r).StartsWith("实验小学", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, school2.Count);
        Assert.All(school2, r => Assert.Equal(("3", "0", "3"), (cells.Text("E" + r), cells.Text("F" + r), cells.Text("G" + r))));
        Assert.All(school2, r => Assert.Equal("FFFFC7CE", cells["G" + r].Fill));
    }

    [Theory]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    [InlineData("admin2", HttpStatusCode.NotFound)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task CoverageReport_ByAccount_OnlyTheSchoolsAdminReadsIt(string account, HttpStatusCode expected)
    {
        var url = $"/api/v1/coverage-report.xlsx?unit={api.School1Id}&from=2026-12-01&to=2026-12-07";
        Assert.Equal(expected, (await (await api.ClientAsync(account)).GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("unit={unit}&to=2026-12-07", "from")]
    [InlineData("unit={unit}&from=2026-12-07&to=2026-12-01", "to")]
    [InlineData("unit=x&from=2026-12-01&to=2026-12-07", "unit")]
    public async Task CoverageReport_BadQuery_Is400NamingTheField(string query, string field)
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.GetAsync(new Uri("/api/v1/coverage-report.xlsx?" + query.Replace("{unit}", api.School1Id.ToString(), StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

}
