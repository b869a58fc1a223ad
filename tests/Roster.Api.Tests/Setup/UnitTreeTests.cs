using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Setup;

/// <summary>Moving units inside one's subtree (never into their own subtree) and deactivating them.</summary>
public sealed class UnitTreeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Move_UnderASibling_Works_IntoOwnSubtree422_OutsideOwnUnits400_ByTheUnitsOwnAdmin403()
    {
        await api.CreateAccountAsync("bureau-admin-t", null, api.BureauId, "admin");
        var admin = await api.ClientAsync("bureau-admin-t");
        var district = await (await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.BureauId, code = "district-t", name = "东片" })).BodyAsync();
        var office = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.BureauId, code = "office-t", name = "办公室" });
        var officeId = (await office.BodyAsync()).Id();

        var moved = await admin.PutJsonAsync($"/api/v1/units/{officeId}", new { parentId = district.Id(), code = "office-t", name = "办公室" },
            office.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(district.Id(), (await moved.BodyAsync()).GetProperty("parentId").GetString());

        var etag = (await admin.GetAsync(new Uri($"/api/v1/units/{district.Id()}", UriKind.Relative))).Headers.ETag!.Tag;
        var cycle = await admin.PutJsonAsync($"/api/v1/units/{district.Id()}", new { parentId = officeId, code = "district-t", name = "东片" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        Assert.Equal(["parentId"], await cycle.ErrorFieldsAsync());

        var school = await api.ClientAsync("admin");
        var schoolEtag = (await school.GetAsync(new Uri($"/api/v1/units/{api.School1Id}", UriKind.Relative))).Headers.ETag!.Tag;
        var ownMove = await school.PutJsonAsync($"/api/v1/units/{api.School1Id}", new { parentId = district.Id(), code = "school-1", name = "第一中学" }, schoolEtag);
        Assert.Equal(HttpStatusCode.Forbidden, ownMove.StatusCode);

        var grade = await (await school.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code = "grade-t", name = "年级" })).BodyAsync();
        var away = await school.PutJsonAsync($"/api/v1/units/{grade.Id()}", new { parentId = api.School2Id, code = "grade-t", name = "年级" }, "\"1\"");
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
}
