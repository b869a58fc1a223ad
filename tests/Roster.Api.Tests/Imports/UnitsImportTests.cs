using System.Net;
using System.Text;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Imports;

/// <summary>Units by code path: parents from the tree or the same file, idempotent, unknown parents named at the row.</summary>
public sealed class UnitsImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Headers = ["单位代码路径 unit code path", "单位名称 name", "英文名称 English name", "时区 time zone"];

    [Fact]
    public async Task DryRun_OfNestedPaths_CountsEveryRowAndWritesNothing()
    {
        var (admin, url) = await BureauImportAsync();
        var dry = await (await admin.ImportAsync(url + "?dryRun=true", NestedFile("east"), "units.csv")).BodyAsync();
        Assert.Equal(3, dry.GetProperty("created").GetInt32());
        Assert.Equal(0, await CountAsync("east"));
    }

    [Fact]
    public async Task Import_NestedPathsChildFirst_CreatesParentsFirst()
    {
        var (admin, url) = await BureauImportAsync();
        var commit = await admin.ImportAsync(url + "?dryRun=false", NestedFile("north"), "units.csv");
        Assert.True(commit.StatusCode == HttpStatusCode.OK, await commit.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("north"));
        Assert.Equal(1, await CountAsync("north-e1"));
    }

    [Fact]
    public async Task ReImport_OfNestedPaths_ChangesNothing()
    {
        var (admin, url) = await BureauImportAsync();
        var file = NestedFile("south");
        Assert.Equal(HttpStatusCode.OK, (await admin.ImportAsync(url + "?dryRun=false", file, "units.csv")).StatusCode);
        var again = await (await admin.ImportAsync(url + "?dryRun=false", file, "units.csv")).BodyAsync();
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, await CountAsync("south-e1"));
    }

    [Fact]
    public async Task Import_UnknownParent_NamesItsRowAndWritesNothing()
    {
        var (admin, url) = await BureauImportAsync();
        var file = ImportFiles.Xlsx(Headers, [["west", "西片", "", ""], ["nowhere/school-x", "某中学", "", ""]]);
        var response = await admin.ImportAsync(url + "?dryRun=false", file, "units.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("rows[3].codePath", await response.ErrorFieldsAsync());
        Assert.Equal(0, await CountAsync("west"));
    }

    [Fact]
    public async Task Import_UnknownTimeZone_NamesItsRowAndWritesNothing()
    {
        var (admin, url) = await BureauImportAsync();
        var file = ImportFiles.Xlsx(Headers, [["west", "西片", "", ""], ["west/school-v", "西一中", "", ""], ["west/school-w", "西中", "", "Mars/Olympus"]]);
        var response = await admin.ImportAsync(url + "?dryRun=false", file, "units.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("rows[4].timeZone", await response.ErrorFieldsAsync());
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

    /// <summary>A new bureau admin account and the bureau's units import address (without the dry-run flag).</summary>
    private async Task<(HttpClient Admin, string Url)> BureauImportAsync()
    {
        var username = "bureau-admin-" + Guid.NewGuid().ToString("N")[..6];
        await api.CreateAccountAsync(username, null, api.BureauId, "admin");
        return (await api.ClientAsync(username), $"/api/v1/units/{api.BureauId}/units:import");
    }

    /// <summary>An area <paramref name="area"/> with two schools, the first school listed before the area.</summary>
    private static byte[] NestedFile(string area) => ImportFiles.Csv(Headers,
    [
        [$"{area}/{area}-e2", "东二中", "East 2", ""],
        [area, "东片", "", ""],
        [$"{area}/{area}-e1", "东一中", "", "Asia/Urumqi"],
    ], new UTF8Encoding(true));
}
