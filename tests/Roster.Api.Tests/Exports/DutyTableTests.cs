using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Feeds;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Exports;

public sealed class DutyTableTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string HolidayFill = "FFFFC7CE";
    private const string MakeUpWorkdayFill = "FFFFEB9C";

    [Fact]
    public async Task DutyTableXlsx_PublishedRoster_HasOneRowPerDayWithEveryNameAndPhone()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var roster = await PublishedRosters.PublishAsync(admin, periodId, api.School1Id, seed: 8);

        var response = await admin.GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/duty-table.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var book = await XlsxReader.ReadAsync(await response.Content.ReadAsByteArrayAsync());
        var cells = book.Cells;
        Assert.Equal("值班表 Duty table", book.SheetName);
        Assert.Contains("第一中学", book.HeaderCenter, StringComparison.Ordinal);
        Assert.Contains("published", book.HeaderCenter, StringComparison.Ordinal);
        Assert.Equal(book.Title, book.HeaderCenter);
        Assert.Equal(["日期\nDate", "星期\nWeekday", "类型\nDay type"], new[] { cells.Text("A1"), cells.Text("B1"), cells.Text("C1") });
        Assert.Equal("2026-12-01", cells.Text("A2"));
        Assert.Equal(("date", "yyyy-mm-dd"), (cells["A2"].Kind, cells["A2"].NumberFormat));
        Assert.Equal("2026-12-30", cells.Text("A31"));
        Assert.Equal("", cells.Text("A32"));
        Assert.Equal("周二 Tue", cells.Text("B2"));

        Assert.Equal("A2", book.FreezePanes);
        Assert.Equal("A1:F31", book.AutoFilter);
        Assert.Equal("1:1", book.PrintTitleRows?.Replace("$", "", StringComparison.Ordinal));
        Assert.Equal(("landscape", "9", 1, 0, true), (book.Orientation, book.PaperSize, book.FitToWidth, book.FitToHeight, book.FitToPage));
        Assert.Equal("&P / &N", book.FooterCenter);
        Assert.Contains("Normal", book.NamedStyles);
        Assert.True(cells["A1"].Bold);
        Assert.All(cells.Values, c => Assert.Equal("等线", c.Font));

        var columns = await HeaderColumnsAsync(admin, periodId, cells);
        Assert.Equal(["D", "E", "F"], columns.Values.Order(StringComparer.Ordinal));
        Assert.Equal(3, columns.Count);
        var people = await PhonesAsync(admin);
        foreach (var a in roster.GetProperty("assignments").EnumerateArray())
        {
            var row = 2 + (int)(DateOnly.Parse(a.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayNumber
                - new DateOnly(2026, 12, 1).DayNumber);
            var cell = cells.Text(columns[(a.GetProperty("shiftCode").GetString()!, a.GetProperty("role").GetString()!)] + row);
            var name = a.GetProperty("personName").GetString()!;
            Assert.Contains($"{name} {people[name]}", cell, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(cells.Values, c => c.Text.Contains("空岗", StringComparison.Ordinal));
        Assert.Null(cells["D8"].Fill);
    }

    [Fact]
    public async Task DutyTable_OverNationalDay_MarksHolidaysAndMakeUpWorkdaysInEveryFormatAndVersion()
    {
        var admin = await api.ClientAsync("admin");
        var period = await (await admin.PostAsJsonAsync("/api/v1/periods",
            new { unitId = api.School1Id, name = "国庆 National Day", firstDay = "2026-09-29", lastDay = "2026-10-11" })).BodyAsync();
        var created = await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/shifts",
            new { code = "L24", name = "24小时带班", nameEn = "24-hour leader shift", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var published = await PublishedRosters.PublishAsync(admin, period.Id(), api.School1Id, seed: 1);
        var draft = await PublishedRosters.GenerateAsync(admin, period.Id(), api.School1Id, seed: 2);
        var url = $"/api/v1/periods/{period.Id()}/units/{api.School1Id}/duty-table";

        var csvResponse = await admin.GetAsync(new Uri(url + ".csv", UriKind.Relative));
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("-published.csv", csvResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var csv = await CsvReader.ReadAsync(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(1 + 13, csv.Count);
        Assert.Equal(["日期 / Date", "星期 / Weekday", "类型 / Day type", "24小时带班 带班领导 / 24-hour leader shift · leader on duty"], csv[0]);
        var byDate = csv.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal("节假日 Public holiday: 国庆节 National Day", byDate["2026-10-01"][2]);
        Assert.Equal("调休上班日 Make-up workday", byDate["2026-10-10"][2]);
        Assert.Equal("工作日 Workday", byDate["2026-09-29"][2]);
        AssertNames(published, byDate);

        var draftResponse = await admin.GetAsync(new Uri(url + ".csv?version=draft", UriKind.Relative));
        Assert.EndsWith("-draft.csv", draftResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var draftCsv = await CsvReader.ReadAsync(await draftResponse.Content.ReadAsByteArrayAsync());
        AssertNames(draft, draftCsv.Skip(1).ToDictionary(r => r[0]));

        var xlsx = await admin.GetAsync(new Uri(url + "?format=xlsx&version=draft", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var book = await XlsxReader.ReadAsync(await xlsx.Content.ReadAsByteArrayAsync());
        var cells = book.Cells;
        Assert.Contains("draft", book.HeaderCenter, StringComparison.Ordinal);
        Assert.Equal("2026-10-01", cells.Text("A4"));
        Assert.Equal("date", cells["A4"].Kind);
        Assert.Equal(HolidayFill, cells["A4"].Fill);
        Assert.Equal(HolidayFill, cells["D4"].Fill);
        Assert.Equal("节假日 Public holiday: 国庆节 National Day", cells.Text("C4"));
        Assert.Equal("2026-10-10", cells.Text("A13"));
        Assert.Equal(MakeUpWorkdayFill, cells["A13"].Fill);
        Assert.Equal(MakeUpWorkdayFill, cells["C13"].Fill);
        Assert.Equal("调休上班日 Make-up workday", cells.Text("C13"));
        Assert.Null(cells["A2"].Fill);
        Assert.Equal("A1:D14", book.AutoFilter);
    }

    [Fact]
    public async Task DutyTable_UnknownFormatOrVersion_Is400NamingTheParameter()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/duty-table";
        var pdf = await admin.GetAsync(new Uri(url + ".pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Equal(["format"], await pdf.ErrorFieldsAsync());
        var query = await admin.GetAsync(new Uri(url + "?format=docx", UriKind.Relative));
        Assert.Equal(["format"], await query.ErrorFieldsAsync());
        var version = await admin.GetAsync(new Uri(url + ".csv?version=latest", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, version.StatusCode);
        Assert.Equal(["version"], await version.ErrorFieldsAsync());
    }

    [Fact]
    public async Task DutyTable_OfAnotherSchool_Is404()
    {
        var periodId = await api.DemoPeriodIdAsync(await api.ClientAsync("admin"));
        var hidden = await (await api.ClientAsync("admin2")).GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/duty-table.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task DutyTable_OfAnUnpublishedUnit_Is404()
    {
        var periodId = await api.DemoPeriodIdAsync(await api.ClientAsync("admin"));
        var none = await (await api.ClientAsync("admin2")).GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School2Id}/duty-table.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    private static void AssertNames(JsonElement roster, Dictionary<string, List<string>> byDate)
    {
        var assignments = roster.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(13, assignments.Count);
        Assert.All(assignments, a => Assert.StartsWith(a.GetProperty("personName").GetString()!, byDate[a.GetProperty("date").GetString()!][3], StringComparison.Ordinal));
    }

    /// <summary>(shift code, role) → column letter, found by the zh-CN line of the header in row 1.</summary>
    private static async Task<Dictionary<(string, string), string>> HeaderColumnsAsync(
        HttpClient client, string periodId, IReadOnlyDictionary<string, XlsxReadCell> cells)
    {
        var shifts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/shifts");
        var result = new Dictionary<(string, string), string>();
        foreach (var shift in shifts.GetProperty("items").EnumerateArray())
        {
            foreach (var (role, zh) in new[] { ("leader", "带班领导"), ("staff", "值班人员") })
            {
                var header = $"{shift.GetProperty("name").GetString()} {zh}";
                var column = Enumerable.Range(4, 20).Select(XlsxReader.Column).FirstOrDefault(c => cells.Text(c + "1").Split('\n')[0] == header);
                if (column is not null)
                {
                    result[(shift.GetProperty("code").GetString()!, role)] = column;
                }
            }
        }

        return result;
    }

    private async Task<Dictionary<string, string>> PhonesAsync(HttpClient client)
    {
        var people = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?limit=200");
        return people.GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("phone").GetString()!);
    }
}
