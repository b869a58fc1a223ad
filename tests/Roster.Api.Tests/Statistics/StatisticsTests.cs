using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Exports;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Statistics;

/// <summary>Duty statistics over a period with public holidays and a make-up workday, every figure counted by hand.</summary>
public sealed class StatisticsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ByPerson_CountsDayTypesShiftsHoursNightsCheckInsSwapsAndWorth()
    {
        var world = await StatisticsWorld.CreateAsync(api, "st-person");
        await StatisticsRates.SetAsync(api, world);
        var admin = await api.ClientAsync(world.Admin);

        var body = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/statistics/duty?unit={world.UnitId}&from=2026-10-05&to=2026-10-11&groupBy=person");

        Assert.Equal("CNY", body.GetProperty("currency").GetString());
        var people = body.GetProperty("people").EnumerateArray().ToDictionary(p => p.GetProperty("personId").GetGuid());
        Assert.Equal(2, people.Count);
        var wang = people[world.Wang];
        // Wang: 10-05 D (holiday), 10-06 N (holiday), 10-08 D (workday), 10-10 D (make-up workday).
        Assert.Equal(4, wang.GetProperty("duties").GetInt32());
        Assert.Equal((1, 0, 2, 1), DayTypes(wang));
        Assert.Equal(["D:3", "N:1"], Shifts(wang));
        Assert.Equal(48m, wang.GetProperty("hours").GetDecimal());
        Assert.Equal(1, wang.GetProperty("nightDuties").GetInt32());
        Assert.Equal((1, 1, 0), CheckIns(wang));
        Assert.Equal((1, 0), Swaps(wang));
        Assert.Equal(2 * 300m + 100m + 150m, wang.GetProperty("allowance").GetDecimal());
        Assert.Equal(2 * 8m + 0m + 2m, wang.GetProperty("compensatoryHours").GetDecimal());

        var li = people[world.Li];
        // Li: 10-05 N (holiday), 10-08 N (workday), 10-10 N (make-up workday), 10-11 D (weekend, taken over from Wang).
        Assert.Equal((1, 1, 1, 1), DayTypes(li));
        Assert.Equal(["D:1", "N:3"], Shifts(li));
        Assert.Equal(3, li.GetProperty("nightDuties").GetInt32());
        Assert.Equal((0, 0, 1), CheckIns(li));
        Assert.Equal((0, 1), Swaps(li));
        Assert.Equal(300m + 100m + 150m + 200m, li.GetProperty("allowance").GetDecimal());
        Assert.Equal(8m + 0m + 2m + 4m, li.GetProperty("compensatoryHours").GetDecimal());

        // Only the range counts: from 10-06 Wang's holiday day shift of 10-05 drops out.
        var later = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/duty?unit={world.UnitId}&from=2026-10-06&to=2026-10-11");
        var wangLater = later.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("personId").GetGuid() == world.Wang);
        Assert.Equal((1, 0, 1, 1), DayTypes(wangLater));
    }

    [Fact]
    public async Task PeriodRates_WinOverTheUnitsRates()
    {
        var world = await StatisticsWorld.CreateAsync(api, "st-period");
        await StatisticsRates.SetAsync(api, world);
        var admin = await api.ClientAsync(world.Admin);
        var put = await admin.PutJsonAsync($"/api/v1/periods/{world.PeriodId}/duty-rates", new { holiday = new { allowance = 500m, compensatoryHours = 12m } }, "\"0\"");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("\"1\"", put.Headers.ETag?.Tag);

        var body = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/duty?unit={world.UnitId}&from=2026-10-05&to=2026-10-11");
        var wang = body.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("personId").GetGuid() == world.Wang);
        // The period's card values the other day types at 0.
        Assert.Equal(2 * 500m, wang.GetProperty("allowance").GetDecimal());
        Assert.Equal(2 * 12m, wang.GetProperty("compensatoryHours").GetDecimal());
    }

    [Fact]
    public async Task ByUnit_CountsCoverageGapsReportsIncidentsAndSpotChecks()
    {
        var world = await StatisticsWorld.CreateAsync(api, "st-unit");
        await StatisticsRates.SetAsync(api, world);
        var supervisor = await api.ClientAsync("supervisor");

        var body = await supervisor.GetFromJsonAsync<JsonElement>(
            $"/api/v1/statistics/duty?unit={world.UnitId}&from=2026-10-05&to=2026-10-11&groupBy=unit");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("people").ValueKind);
        var unit = body.GetProperty("units").EnumerateArray().Single();
        Assert.Equal(8, unit.GetProperty("duties").GetInt32());
        Assert.Equal(96m, unit.GetProperty("hours").GetDecimal());
        // 7 days × 2 shifts required; 8 filled.
        Assert.Equal(14, unit.GetProperty("requiredSlots").GetInt32());
        Assert.Equal(8, unit.GetProperty("filledSlots").GetInt32());
        Assert.Equal(57.1m, unit.GetProperty("coveragePercent").GetDecimal());
        var gaps = unit.GetProperty("gaps");
        Assert.Equal((1, 0, 0, 1, 0), (gaps.GetProperty("unfilled").GetInt32(), gaps.GetProperty("unavailable").GetInt32(),
            gaps.GetProperty("conflict").GetInt32(), gaps.GetProperty("missedCheckIn").GetInt32(), gaps.GetProperty("lateReport").GetInt32()));
        Assert.Equal((2, 1), (unit.GetProperty("reports").GetProperty("filed").GetInt32(), unit.GetProperty("reports").GetProperty("late").GetInt32()));
        Assert.Equal(1, unit.GetProperty("incidents").GetInt32());
        var spot = unit.GetProperty("spotChecks");
        Assert.Equal((1, 0, 1, 0), (spot.GetProperty("onPost").GetInt32(), spot.GetProperty("elsewhere").GetInt32(),
            spot.GetProperty("notReached").GetInt32(), spot.GetProperty("pending").GetInt32()));
        Assert.Equal(850m + 750m, unit.GetProperty("allowance").GetDecimal());
        Assert.Equal(18m + 14m, unit.GetProperty("compensatoryHours").GetDecimal());
    }

    [Fact]
    public async Task Xlsx_HasBilingualHeadersRealNumbersAndOneRowPerPerson()
    {
        var world = await StatisticsWorld.CreateAsync(api, "st-xlsx");
        await StatisticsRates.SetAsync(api, world);
        var admin = await api.ClientAsync(world.Admin);

        var response = await admin.GetAsync(new Uri($"/api/v1/statistics/duty.xlsx?unit={world.UnitId}&from=2026-10-05&to=2026-10-11", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var book = await XlsxReader.ReadAsync(await response.Content.ReadAsByteArrayAsync());
        var cells = book.Cells;
        Assert.Contains("值班统计 Duty statistics", book.HeaderCenter, StringComparison.Ordinal);
        Assert.Equal("姓名\nName", cells.Text("B1"));
        Assert.Equal("节假日\nPublic holiday", cells.Text("F1"));
        Assert.Equal("备班天数\nStandby days", cells.Text("K1"));
        Assert.Equal("值班补贴(元)\nAllowance (CNY)", cells.Text("Q1"));
        var wangRow = Enumerable.Range(2, 2).Single(r => cells.Text("B" + r) == "王值班");
        Assert.Equal(("number", "2"), (cells["F" + wangRow].Kind, cells.Text("F" + wangRow)));
        Assert.Equal("850", cells.Text("Q" + wangRow));
        Assert.Equal("", cells.Text("B4"));

        var units = await admin.GetAsync(new Uri($"/api/v1/statistics/duty.xlsx?unit={world.UnitId}&from=2026-10-05&to=2026-10-11&groupBy=unit", UriKind.Relative));
        var unitCells = (await XlsxReader.ReadAsync(await units.Content.ReadAsByteArrayAsync())).Cells;
        Assert.Equal("覆盖率(%)\nCoverage (%)", unitCells.Text("F1"));
        Assert.Equal("57.1", unitCells.Text("F2"));
    }

    [Fact]
    public async Task SubtreeStatistics_TakeAFixedNumberOfSqlCommands()
    {
        var world = await StatisticsWorld.CreateAsync(api, "st-count");
        var supervisor = await api.ClientAsync("supervisor");
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var grouping in new[] { "person", "unit" })
        {
            before[grouping] = await CountAsync(supervisor, grouping);
        }

        // Five more units below the world's unit, each with a person: the same commands, whatever the subtree's size.
        await api.WithWorkAsync(work => Dapper.SqlMapper.ExecuteAsync(work.Connection, """
            WITH u AS (
                INSERT INTO units (parent_id, code, name, time_zone, created_at)
                SELECT @unit, 'st-count-' || n, '分校 ' || n, 'Asia/Shanghai', now() FROM generate_series(1, 5) n RETURNING id)
            INSERT INTO people (unit_id, name, employment_type, roles, created_at) SELECT id, '新人', 'formal', '{staff}', now() FROM u
            """, new { unit = world.UnitId }, work.Transaction));
        foreach (var grouping in new[] { "person", "unit" })
        {
            Assert.Equal(before[grouping], await CountAsync(supervisor, grouping));
        }

        var people = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/statistics/duty?unit={world.UnitId}&from=2026-10-05&to=2026-10-11");
        Assert.Equal(7, people.GetProperty("people").GetArrayLength());
    }

    [Theory]
    [InlineData("from=2026-10-05&to=2026-10-11", "unit")]
    [InlineData("unit=nope&from=2026-10-05&to=2026-10-11", "unit")]
    [InlineData("unit={0}&from=05.10.2026&to=2026-10-11", "from")]
    [InlineData("unit={0}&from=2026-10-05", "to")]
    [InlineData("unit={0}&from=2026-10-11&to=2026-10-05", "to")]
    [InlineData("unit={0}&from=2026-01-01&to=2027-01-02", "to")]
    [InlineData("unit={0}&from=2026-10-05&to=2026-10-11&groupBy=shift", "groupBy")]
    public async Task BadQuery_IsAProblemNamingTheField(string query, string field)
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.GetAsync(new Uri("/api/v1/statistics/duty?" + string.Format(System.Globalization.CultureInfo.InvariantCulture, query, api.School1Id), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    /// <summary>The commands of one warm request, taken when two requests in a row agree: a change notice that arrives
    /// late (the test's own insert, or a background job's write) drops the cache between the warm-up and the count.</summary>
    private async Task<int> CountAsync(HttpClient client, string grouping)
    {
        var url = new Uri($"/api/v1/statistics/duty?unit={api.BureauId}&from=2026-10-05&to=2026-10-11&groupBy={grouping}", UriKind.Relative);
        await client.GetAsync(url);
        var last = -1;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var counter = new SqlCommandCounter(api.Database);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            if (counter.Count == last)
            {
                return last;
            }
            last = counter.Count;
        }
        return last;
    }

    private static (int Workday, int Weekend, int Holiday, int MakeUp) DayTypes(JsonElement person)
    {
        var t = person.GetProperty("byDayType");
        return (t.GetProperty("workday").GetInt32(), t.GetProperty("weekend").GetInt32(), t.GetProperty("holiday").GetInt32(), t.GetProperty("makeUpWorkday").GetInt32());
    }

    private static string[] Shifts(JsonElement person) =>
        [.. person.GetProperty("byShift").EnumerateArray().Select(s => $"{s.GetProperty("code").GetString()}:{s.GetProperty("duties").GetInt32()}")];

    private static (int OnTime, int Late, int Missed) CheckIns(JsonElement person)
    {
        var c = person.GetProperty("checkIns");
        return (c.GetProperty("onTime").GetInt32(), c.GetProperty("late").GetInt32(), c.GetProperty("missed").GetInt32());
    }

    private static (int Given, int Taken) Swaps(JsonElement person)
    {
        var s = person.GetProperty("swaps");
        return (s.GetProperty("given").GetInt32(), s.GetProperty("taken").GetInt32());
    }
}
