using System.Diagnostics;
using System.Net;
using System.Text;
using Roster.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Roster.Api.Tests.Imports;

/// <summary>A city-sized staff list: 20,000 rows over 40 new schools, committed in one transaction, timed.</summary>
public sealed class ImportScaleTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Import_400And20000Rows_CommitsEveryRow_ReImportChangesNothing()
    {
        await api.CreateAccountAsync("bureau-admin-s", null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-s");
        var schools = Enumerable.Range(1, 40).Select(i => new object?[] { $"city-{i:D2}", $"城区学校{i}", "", "" }).ToList();
        var units = await admin.ImportAsync($"/api/v1/units/{api.BureauId}/units:import?dryRun=false",
            ImportFiles.Csv(["单位代码路径 unit code path", "单位名称 name", "英文名称 English name", "时区 time zone"], schools, new UTF8Encoding(false)), "u.csv");
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);

        foreach (var (size, prefix) in new[] { (400, "A"), (20_000, "B") })
        {
            var rows = Enumerable.Range(0, size).Select(i => new object?[]
            {
                $"city-{i % 40 + 1:D2}", $"职工{prefix}{i}", $"{prefix}{i:D6}", $"139{i:D8}", "", i % 5 == 0 ? "带班领导" : "值班人员", "正式", "", "",
            }).ToList();
            var file = ImportFiles.Xlsx(ImportFiles.PeopleHeaders, rows);
            var dry = Stopwatch.StartNew();
            var checkedRows = await admin.ImportAsync($"/api/v1/units/{api.BureauId}/people:import?dryRun=true", file, "big.xlsx");
            dry.Stop();
            Assert.Equal(HttpStatusCode.OK, checkedRows.StatusCode);
            var commit = Stopwatch.StartNew();
            var committed = await admin.ImportAsync($"/api/v1/units/{api.BureauId}/people:import?dryRun=false", file, "big.xlsx");
            commit.Stop();
            var body = await committed.BodyAsync();
            Assert.True(committed.StatusCode == HttpStatusCode.OK, body.GetRawText());
            Assert.Equal(size, body.GetProperty("created").GetInt32());
            var again = Stopwatch.StartNew();
            var repeat = await (await admin.ImportAsync($"/api/v1/units/{api.BureauId}/people:import?dryRun=false", file, "big.xlsx")).BodyAsync();
            again.Stop();
            Assert.Equal(size, repeat.GetProperty("unchanged").GetInt32());
            output.WriteLine($"import {size} rows ({file.Length / 1024} KB XLSX): dry run {dry.ElapsedMilliseconds} ms, "
                + $"commit {commit.ElapsedMilliseconds} ms, re-import unchanged {again.ElapsedMilliseconds} ms");
        }

        var count = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection,
            "SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id WHERE u.code LIKE 'city-%'", transaction: w.Transaction));
        Assert.Equal(20_400, count);
    }
}
