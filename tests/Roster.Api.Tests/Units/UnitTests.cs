using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Units;

public sealed class UnitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task List_BySupervisor_ShowsTheBureauAndEverySchool()
    {
        var supervisor = await api.ClientAsync("supervisor");
        var all = await supervisor.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/units?limit=200");
        Assert.True(all.GetProperty("items").GetArrayLength() >= 4);
    }

    [Fact]
    public async Task List_BySchoolAdmin_ShowsOnlyTheirSchool()
    {
        var admin = await api.ClientAsync("admin");
        var own = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/units");
        var only = Assert.Single(own.GetProperty("items").EnumerateArray());
        Assert.Equal(api.School1Id.ToString(), only.Id());
    }

    [Fact]
    public async Task List_SmallPages_WalkEveryUnitOnceByCursor()
    {
        var supervisor = await api.ClientAsync("supervisor");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/units?limit=1" + (cursor is null ? "" : "&after=" + cursor);
            var page = await supervisor.GetFromJsonAsync<System.Text.Json.JsonElement>(url);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.Id()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var all = await supervisor.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/units?limit=200");
        Assert.Equal(all.GetProperty("items").GetArrayLength(), seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Update_WithAnUnknownOrSupersededETag_Is412()
    {
        var (admin, id, etag) = await CreateGradeAsync("s1-grade-7a");
        var stale = await admin.PutJsonAsync($"/api/v1/units/{id}", new { code = "s1-g7a", name = "初一", timeZone = "Asia/Shanghai" }, "\"99\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/units/{id}", new { code = "s1-g7a", name = "初一", timeZone = "Asia/Shanghai" }, etag)).StatusCode);
        var reused = await admin.PutJsonAsync($"/api/v1/units/{id}", new { code = "s1-g7a", name = "初一" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, reused.StatusCode);

        await RemoveAsync(admin, id);
    }

    [Fact]
    public async Task Update_WithTheETag_ChangesTheUnitAndItsETag()
    {
        var (admin, id, etag) = await CreateGradeAsync("s1-grade-7b");
        var updated = await admin.PutJsonAsync($"/api/v1/units/{id}", new { code = "s1-g7b", name = "初一", timeZone = "Asia/Shanghai" }, etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag!.Tag);
        Assert.Equal("Asia/Shanghai", (await updated.BodyAsync()).GetProperty("timeZone").GetString());

        await RemoveAsync(admin, id);
    }

    [Fact]
    public async Task Update_IsAuditedWithBeforeAndAfter()
    {
        var (admin, id, etag) = await CreateGradeAsync("s1-grade-7c");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/units/{id}", new { code = "s1-g7c", name = "初一", timeZone = "Asia/Shanghai" }, etag)).StatusCode);
        var audit = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/audit?unit={id}");
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList();
        Assert.Equal(["update", "create"], actions);
        var update = audit.GetProperty("items")[0];
        Assert.Equal("Asia/Urumqi", update.GetProperty("before").GetProperty("timeZone").GetString());
        Assert.Equal("Asia/Shanghai", update.GetProperty("after").GetProperty("timeZone").GetString());

        await RemoveAsync(admin, id);
    }

    [Fact]
    public async Task Delete_WithTheETag_RemovesTheUnitAndIsAuditedOnTheParent()
    {
        var (admin, id, etag) = await CreateGradeAsync("s1-grade-7d");
        var deleted = await admin.DeleteAsync($"/api/v1/units/{id}", etag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/v1/units/{id}", UriKind.Relative))).StatusCode);

        // The deletion is recorded on the parent, whose admins keep seeing it once the unit is gone.
        var parentAudit = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/audit?unit={api.School1Id}&entity=unit");
        Assert.Contains(parentAudit.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("entityId").GetString() == id && e.GetProperty("action").GetString() == "delete");
    }

    [Fact]
    public async Task Create_DuplicateCodeAmongSiblings_Is409NamingCode()
    {
        var (admin, parent) = await NewParentAsync();
        var first = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = parent, code = "dup-office", name = "办公室" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var response = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = parent, code = "dup-office", name = "重复" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("code", await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Create_CodeOfAnotherBranch_IsAllowed()
    {
        // Codes are unique among siblings only.
        var (admin, parent) = await NewParentAsync();
        var elsewhere = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = parent, code = "school-2", name = "同名" });
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Delete_UnitWithPeople_Answers409AndKeepsIt()
    {
        var supervisorCannot = await (await api.ClientAsync("supervisor")).DeleteAsync($"/api/v1/units/{api.School1Id}", null);
        Assert.Equal(HttpStatusCode.Forbidden, supervisorCannot.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await api.ClientAsync("admin")).GetAsync(new Uri($"/api/v1/units/{api.School1Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Create_AsStaff_IsRefusedAndWritesNothing()
    {
        var staff = await api.ClientAsync("staff");
        var response = await staff.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code = "staff-unit", name = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("parentId", await response.ErrorFieldsAsync());
        var count = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(
            w.Connection, "SELECT count(*) FROM units WHERE code = 'staff-unit'", transaction: w.Transaction));
        Assert.Equal(0, count);
    }

    /// <summary>A grade unit under School 1 in Ürümqi time, created by School 1's admin: the admin, its id and its ETag.</summary>
    private async Task<(HttpClient Admin, string Id, string ETag)> CreateGradeAsync(string code)
    {
        var admin = await api.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code, name = "初一年级组", timeZone = "Asia/Urumqi" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (admin, (await created.BodyAsync()).Id(), created.Headers.ETag!.Tag);
    }

    /// <summary>A new bureau admin account and a new area it created under the bureau.</summary>
    private async Task<(HttpClient Admin, string Parent)> NewParentAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await api.CreateAccountAsync("bureau-admin-" + suffix, null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-" + suffix);
        var parent = (await (await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.BureauId, code = "dup-parent-" + suffix, name = "片区" })).BodyAsync()).Id();
        return (admin, parent);
    }

    /// <summary>Deletes a grade this class created, so that School 1's admin lists School 1 alone again.</summary>
    private static async Task RemoveAsync(HttpClient admin, string id)
    {
        var etag = (await admin.GetAsync(new Uri($"/api/v1/units/{id}", UriKind.Relative))).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/units/{id}", etag)).StatusCode);
    }
}
