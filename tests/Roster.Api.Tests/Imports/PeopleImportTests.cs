using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Imports;

/// <summary>The staff list (花名册) import: dry run, commit, re-import, and every bad input with its row and column named.</summary>
public sealed class PeopleImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string Url(Guid unit, bool dryRun) => $"/api/v1/units/{unit}/people:import?dryRun={(dryRun ? "true" : "false")}";

    [Fact]
    public async Task Template_HasOneSheetWithBilingualHeaders()
    {
        var admin = await api.ClientAsync("admin");
        var bytes = await admin.GetByteArrayAsync("/api/v1/imports/people-template.xlsx");
        using var stream = new MemoryStream(bytes);
        Assert.Single(MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var header = (IDictionary<string, object>)MiniExcel.Query(stream, useHeaderRow: false).First();
        Assert.Equal(ImportFiles.PeopleHeaders, header.Values.Select(v => v.ToString()).ToArray());
    }

    [Fact]
    public async Task DryRun_OfThreeNewPeople_CountsThemAndWritesNothing()
    {
        var admin = await api.ClientAsync("admin");
        var before = await PeopleCountAsync();
        var dry = await admin.ImportAsync(Url(api.School1Id, true), ThreePeopleFile("D"), "staff.xlsx");
        var dryBody = await dry.BodyAsync();
        Assert.True(dry.StatusCode == HttpStatusCode.OK, dryBody.GetRawText());
        Assert.Equal(3, dryBody.GetProperty("created").GetInt32());
        Assert.True(dryBody.GetProperty("valid").GetBoolean());
        Assert.Equal(before, await PeopleCountAsync());
    }

    [Fact]
    public async Task Commit_OfThreeNewPeople_CreatesThemWithNormalisedPhonesAndRoles()
    {
        var admin = await api.ClientAsync("admin");
        var before = await PeopleCountAsync();
        var commit = await admin.ImportAsync(Url(api.School1Id, false), ThreePeopleFile("C"), "staff.xlsx");
        Assert.True(commit.StatusCode == HttpStatusCode.OK, await commit.Content.ReadAsStringAsync());
        Assert.Equal(before + 3, await PeopleCountAsync());
        var people = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?limit=200");
        var wang1 = people.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("staffNumber").GetString() == "C100");
        Assert.Equal("13800138000", wang1.GetProperty("phone").GetString());
        Assert.Equal(["leader"], wang1.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task ReImport_OfTheSameFile_ChangesNothing()
    {
        var admin = await api.ClientAsync("admin");
        var file = ThreePeopleFile("R");
        Assert.Equal(HttpStatusCode.OK, (await admin.ImportAsync(Url(api.School1Id, false), file, "staff.xlsx")).StatusCode);
        var before = await PeopleCountAsync();
        var again = await (await admin.ImportAsync(Url(api.School1Id, false), file, "staff.xlsx")).BodyAsync();
        Assert.Equal((0, 0, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(before, await PeopleCountAsync());
    }

    [Fact]
    public async Task ReImport_WithOneChangedRow_UpdatesOnlyThatPerson()
    {
        var admin = await api.ClientAsync("admin");
        var rows = ThreePeople("U");
        Assert.Equal(HttpStatusCode.OK, (await admin.ImportAsync(Url(api.School1Id, false), ImportFiles.Xlsx(ImportFiles.PeopleHeaders, rows), "staff.xlsx")).StatusCode);
        var before = await PeopleCountAsync();
        rows[1][1] = "王二二";
        var changed = await (await admin.ImportAsync(Url(api.School1Id, false), ImportFiles.Xlsx(ImportFiles.PeopleHeaders, rows), "staff.xlsx")).BodyAsync();
        Assert.Equal((0, 1, 2), (changed.GetProperty("created").GetInt32(), changed.GetProperty("updated").GetInt32(), changed.GetProperty("unchanged").GetInt32()));
        Assert.Equal(before, await PeopleCountAsync());
    }

    public static TheoryData<string, object?[], int, string> BadRows => new()
    {
        { "duplicate staff number", ["", "李四", "D1", "", "", "staff", "", "", ""], 3, "staffNumber" },
        { "unknown unit code", ["no-such-school", "李四", "D2", "", "", "staff", "", "", ""], 3, "unitPath" },
        { "contract employee as staff", ["", "李四", "D3", "", "", "值班人员", "合同工", "", ""], 3, "roles" },
        { "ambiguous phone", ["", "李四", "D4", "138001380", "", "staff", "", "", ""], 3, "phone" },
        { "letters in phone", ["", "李四", "D5", "138OO138000", "", "staff", "", "", ""], 3, "phone" },
        { "unknown role", ["", "李四", "D6", "", "", "校长", "", "", ""], 3, "roles" },
        { "bad email", ["", "李四", "D7", "", "not-an-email", "staff", "", "", ""], 3, "email" },
        { "date typed into the staff number", ["", "李四", new DateTime(2024, 3, 1), "", "", "staff", "", "", ""], 3, "staffNumber" },
        { "missing staff number", ["", "李四", "", "", "", "staff", "", "", ""], 3, "staffNumber" },
        { "username of another account", ["", "李四", "D8", "", "", "staff", "", "", "admin"], 3, "username" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task BadRow_Answers422NamingRowAndColumn_NothingWritten(string why, object?[] bad, int row, string column)
    {
        var admin = await api.ClientAsync("admin");
        object?[] good = ["", "李一", "D1", "13800138000", "", "staff", "", "", ""];
        var file = ImportFiles.Xlsx(ImportFiles.PeopleHeaders, [good, bad]);
        var before = await PeopleCountAsync();

        var dry = await (await admin.ImportAsync(Url(api.School1Id, true), file, "bad.xlsx")).BodyAsync();
        Assert.False(dry.GetProperty("valid").GetBoolean(), why);
        var error = Assert.Single(dry.GetProperty("errors").EnumerateArray());
        Assert.Equal(row, error.GetProperty("row").GetInt32());
        Assert.Equal(column, error.GetProperty("column").GetString());

        var commit = await admin.ImportAsync(Url(api.School1Id, false), file, "bad.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, commit.StatusCode);
        Assert.Contains($"rows[{row}].{column}", await commit.ErrorFieldsAsync());
        Assert.Equal(before, await PeopleCountAsync());
    }

    [Fact]
    public async Task MissingHeader_NamesTheColumnOnRow1()
    {
        var admin = await api.ClientAsync("admin");
        var headers = ImportFiles.PeopleHeaders.Where(h => !h.StartsWith("工号", StringComparison.Ordinal)).ToArray();
        var file = ImportFiles.Xlsx(headers, [["", "李一", "13800138000", "", "staff", "", "", ""]]);
        var response = await admin.ImportAsync(Url(api.School1Id, false), file, "noheader.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("rows[1].staffNumber", await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task SecondSheetWithData_IsRefused_NothingWritten()
    {
        var admin = await api.ClientAsync("admin");
        object?[] row = ["", "李一", "S1", "", "", "staff", "", "", ""];
        var file = ImportFiles.Xlsx(ImportFiles.PeopleHeaders, [row], secondSheet: [row]);
        var before = await PeopleCountAsync();
        var response = await admin.ImportAsync(Url(api.School1Id, false), file, "two-sheets.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Sheet2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await PeopleCountAsync());
    }

    [Fact]
    public async Task Upload50MB_Answers413()
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.ImportAsync(Url(api.School1Id, false), new byte[50 * 1024 * 1024], "huge.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SharedStringsBomb_IsRefusedWithoutReadingItIntoMemory()
    {
        var admin = await api.ClientAsync("admin");
        var bomb = ImportFiles.SharedStringsBomb(megabytes: 120);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb should be small, was {bomb.Length} bytes");
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var response = await admin.ImportAsync(Url(api.School1Id, true), bomb, "bomb.xlsx");
        var grew = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("expands past", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(grew < 100L * 1024 * 1024, $"{grew / (1024 * 1024)} MB allocated while refusing a bomb");
    }

    [Fact]
    public async Task Gb18030Csv_IsDetected_AndImported()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var admin = await api.ClientAsync("admin");
        var file = ImportFiles.Csv(ImportFiles.PeopleHeaders, [["", "赵六", "G1", "13800138006", "", "带班领导", "正式", "", ""]], Encoding.GetEncoding("GB18030"));
        var response = await admin.ImportAsync(Url(api.School1Id, true), file, "staff.csv");
        var body = await response.BodyAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.GetRawText());
        Assert.Equal("GB18030", body.GetProperty("encoding").GetString());
        Assert.Equal(1, body.GetProperty("created").GetInt32());
        Assert.True(body.GetProperty("valid").GetBoolean(), body.GetRawText());
    }

    [Fact]
    public async Task UnreadableCsvBytes_AreRefusedWithAClearMessage()
    {
        var admin = await api.ClientAsync("admin");
        var file = Encoding.ASCII.GetBytes("name,staff\n").Concat(new byte[] { 0xFF, 0xFF, 0x80, 0x0A }).ToArray();
        var response = await admin.ImportAsync(Url(api.School1Id, false), file, "latin.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("CSV UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("school-1 people")]
    [InlineData("bureau people")]
    [InlineData("bureau units")]
    public async Task Import_ByAnotherSchoolsAdmin_Is404AndWritesNothing(string target)
    {
        var url = target switch
        {
            "school-1 people" => Url(api.School1Id, false),
            "bureau people" => Url(api.BureauId, false),
            _ => $"/api/v1/units/{api.BureauId}/units:import?dryRun=false",
        };
        var before = await PeopleCountAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.ClientAsync("admin2")).ImportAsync(url, OnePersonFile(), "x.xlsx")).StatusCode);
        Assert.Equal(before, await PeopleCountAsync());
    }

    [Fact]
    public async Task Import_ByStaff_Is403AndWritesNothing()
    {
        var before = await PeopleCountAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.ClientAsync("staff")).ImportAsync(Url(api.School1Id, false), OnePersonFile(), "x.xlsx")).StatusCode);
        Assert.Equal(before, await PeopleCountAsync());
    }

    private Task<long> PeopleCountAsync() =>
        api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection, "SELECT count(*) FROM people", transaction: w.Transaction));

    /// <summary>Three new people whose staff numbers start with <paramref name="prefix"/>: a leader with a full-width
    /// phone, formal staff, a contract gate guard.</summary>
    private static object?[][] ThreePeople(string prefix) =>
    [
        ["", "王一", prefix + "100", "１３８ ００１３ ８０００", prefix.ToLowerInvariant() + "1@example.cn", "带班领导", "正式", "first-aid", ""],
        ["", "王二", prefix + "101", "+86 139-0013-8001", "", "值班人员 staff", "formal", "", ""],
        ["", "王三", prefix + "102", "", "", "gate", "合同工", "", ""],
    ];

    private static byte[] ThreePeopleFile(string prefix) => ImportFiles.Xlsx(ImportFiles.PeopleHeaders, ThreePeople(prefix));

    private static byte[] OnePersonFile() => ImportFiles.Xlsx(ImportFiles.PeopleHeaders, [["", "钱七", "R1", "", "", "staff", "", "", ""]]);
}
