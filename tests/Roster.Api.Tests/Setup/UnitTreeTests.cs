using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Setup;

/// <summary>Moving units inside one's subtree (never into their own subtree) and deactivating them.</summary>
public sealed class UnitTreeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Move_UnderASibling_ChangesTheParent()
    {
        var (admin, district, office, officeETag, suffix) = await DistrictAndOfficeAsync();
        var moved = await admin.PutJsonAsync($"/api/v1/units/{office}", new { parentId = district, code = "office-" + suffix, name = "办公室" }, officeETag);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(district, (await moved.BodyAsync()).GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task Move_IntoItsOwnSubtree_Is422NamingParentId()
    {
        var (admin, district, office, officeETag, suffix) = await DistrictAndOfficeAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/units/{office}", new { parentId = district, code = "office-" + suffix, name = "办公室" }, officeETag)).StatusCode);
        var etag = (await admin.GetAsync(new Uri($"/api/v1/units/{district}", UriKind.Relative))).Headers.ETag!.Tag;
        var cycle = await admin.PutJsonAsync($"/api/v1/units/{district}", new { parentId = office, code = "district-" + suffix, name = "东片" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        Assert.Equal(["parentId"], await cycle.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Move_OfTheirOwnSchoolBySchoolAdmin_Is403()
    {
        var (_, district, _, _, _) = await DistrictAndOfficeAsync();
        var school = await api.ClientAsync("admin");
        var schoolEtag = (await school.GetAsync(new Uri($"/api/v1/units/{api.School1Id}", UriKind.Relative))).Headers.ETag!.Tag;
        var ownMove = await school.PutJsonAsync($"/api/v1/units/{api.School1Id}", new { parentId = district, code = "school-1", name = "第一中学" }, schoolEtag);
        Assert.Equal(HttpStatusCode.Forbidden, ownMove.StatusCode);
    }

    [Fact]
    public async Task Move_OutsideTheAdminsUnits_Is400NamingParentIdAndTheUnitStays()
    {
        var school = await api.ClientAsync("admin");
        var code = "grade-" + Guid.NewGuid().ToString("N")[..6];
        var grade = await (await school.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code, name = "年级" })).BodyAsync();
        var away = await school.PutJsonAsync($"/api/v1/units/{grade.Id()}", new { parentId = api.School2Id, code, name = "年级" }, "\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, away.StatusCode);
        Assert.Equal(["parentId"], await away.ErrorFieldsAsync());
        var stays = await school.GetFromJsonAsync<JsonElement>($"/api/v1/units/{grade.Id()}");
        Assert.Equal(api.School1Id.ToString(), stays.GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task Deactivate_UnitKeepsNoRoster_InTheDemoPeriod()
    {
        await api.CreateAccountAsync("bureau-admin-d", null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-d");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School2Id}/slots?from=2026-12-01&to=2026-12-01");
        Assert.True(before.GetProperty("items").GetArrayLength() > 0);

        var etag = (await admin.GetAsync(new Uri($"/api/v1/units/{api.School2Id}", UriKind.Relative))).Headers.ETag!.Tag;
        var off = await admin.PutJsonAsync($"/api/v1/units/{api.School2Id}", new { code = "school-2", name = "第二中学", active = false }, etag);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await off.BodyAsync()).GetProperty("active").GetBoolean());
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School2Id}/slots?from=2026-12-01&to=2026-12-01");
        Assert.Equal(0, after.GetProperty("items").GetArrayLength());
    }

    /// <summary>A new bureau admin account with a district and an office it created under the bureau: the admin, the
    /// district's and the office's ids, the office's ETag and the codes' suffix.</summary>
    private async Task<(HttpClient Admin, string District, string Office, string OfficeETag, string Suffix)> DistrictAndOfficeAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await api.CreateAccountAsync("bureau-admin-" + suffix, null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-" + suffix);
        var district = await (await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.BureauId, code = "district-" + suffix, name = "东片" })).BodyAsync();
        var office = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.BureauId, code = "office-" + suffix, name = "办公室" });
        return (admin, district.Id(), (await office.BodyAsync()).Id(), office.Headers.ETag!.Tag, suffix);
    }
}
