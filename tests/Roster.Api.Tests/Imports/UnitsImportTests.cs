using System.Net;
using System.Text;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Imports;

/// <summary>Units by code path: parents from the tree or the same file, idempotent, unknown parents named at the row.</summary>
public sealed class UnitsImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Headers = ["单位代码路径 unit code path", "单位名称 name", "英文名称 English name", "时区 time zone"];

    [Fact]
    public async Task Import_NestedPaths_CreatesParentsFirst_ReImportChangesNothing()
    {
        await api.CreateAccountAsync("bureau-admin-u", null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-u");
        object?[][] rows =
        [
            ["east/school-e2", "东二中", "East 2", ""],
            ["east", "东片", "", ""],
            ["east/school-e1", "东一中", "", "Asia/Urumqi"],
        ];
        var file = ImportFiles.Csv(Headers, rows, new UTF8Encoding(true));
        var url = $"/api/v1/units/{api.BureauId}/units:import";
        var dry = await (await admin.ImportAsync(url + "?dryRun=true", file, "units.csv")).BodyAsync();
        Assert.Equal(3, dry.GetProperty("created").GetInt32());
        Assert.Equal(0, await CountAsync("east"));

        var commit = await admin.ImportAsync(url + "?dryRun=false", file, "units.csv");
        Assert.True(commit.StatusCode == HttpStatusCode.OK, await commit.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("east"));
        Assert.Equal(1, await CountAsync("school-e1"));
        var again = await (await admin.ImportAsync(url + "?dryRun=false", file, "units.csv")).BodyAsync();
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, await CountAsync("school-e1"));
    }

    [Fact]
    public async Task UnknownParent_And_BadZone_AreNamed_NothingWritten()
    {
        await api.CreateAccountAsync("bureau-admin-u2", null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-u2");
        var file = ImportFiles.Xlsx(Headers, [["west", "西片", "", ""], ["nowhere/school-x", "某中学", "", ""], ["west/school-w", "西中", "", "Mars/Olympus"]]);
        var response = await admin.ImportAsync($"/api/v1/units/{api.BureauId}/units:import?dryRun=false", file, "units.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = await response.ErrorFieldsAsync();
        Assert.Contains("rows[3].codePath", fields);
        Assert.Contains("rows[4].timeZone", fields);
        Assert.Equal(0, await CountAsync("west"));
    }

    [Fact]
    public async Task Template_Downloads()
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.GetAsync(new Uri("/api/v1/imports/units-template.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
    }

    private Task<long> CountAsync(string code) => api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(
        w.Connection, "SELECT count(*) FROM units WHERE code = @code", new { code }, w.Transaction));
}
