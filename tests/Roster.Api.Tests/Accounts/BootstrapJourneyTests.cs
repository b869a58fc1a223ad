using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Accounts;

/// <summary>A real bureau starts on an empty installation: bootstrap, first sign-in, a school, a staff account.</summary>
public sealed class BootstrapJourneyTests(NoDemoFixture api) : IClassFixture<NoDemoFixture>
{
    [Fact]
    public async Task NoDemo_BootstrapThenFirstAdminThenStaff_EachMustChangeTheOneTimePassword()
    {
        Assert.Equal(0, await api.CountAsync("SELECT count(*) FROM units"));
        Assert.Equal(0, await api.CountAsync("SELECT count(*) FROM accounts"));

        var (exit, printed) = await api.BootstrapAsync("--bureau", "东城区教育局", "--code", "dongcheng", "--username", "chief");
        Assert.Equal(0, exit);
        var oneTime = NoDemoFixture.OneTimePasswordIn(printed);
        var rootId = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<Guid>(w.Connection,
            "SELECT id FROM units WHERE parent_id IS NULL", transaction: w.Transaction));

        // The first admin signs in with the one-time password: the token opens only /me and /me/password.
        var first = await SignIn.TokenAsync(api.Factory.CreateClient(), "chief", oneTime);
        Assert.True(first.GetProperty("passwordChangeRequired").GetBoolean());
        var chief = SignIn.With(api.Factory.CreateClient(), first);
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);
        var me = await chief.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");
        Assert.True(me.GetProperty("passwordChangeRequired").GetBoolean());
        Assert.Equal(2, me.GetProperty("grants").GetArrayLength());

        var weak = await chief.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = oneTime, newPassword = "password1234" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("newPassword", await weak.ErrorFieldsAsync());
        var changed = await SignIn.ChangePasswordAsync(chief, oneTime, "东城-值班-2026-冬");
        Assert.False(changed.GetProperty("passwordChangeRequired").GetBoolean());
        // The one-time session has ended.
        Assert.Equal(HttpStatusCode.Unauthorized, (await chief.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        chief = SignIn.With(api.Factory.CreateClient(), changed);

        var school = await chief.PostAsJsonAsync("/api/v1/units", new { parentId = rootId, code = "dc-school-1", name = "东城第一中学" });
        Assert.Equal(HttpStatusCode.Created, school.StatusCode);
        var schoolId = (await school.BodyAsync()).Id();

        var created = await chief.PostAsJsonAsync("/api/v1/accounts", new
        {
            username = "wang.fang", displayName = "王芳", grants = new[] { new { unitId = schoolId, role = "staff" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.BodyAsync();
        var staffOneTime = body.GetProperty("oneTimePassword").GetString()!;
        Assert.True(body.GetProperty("account").GetProperty("passwordChangeRequired").GetBoolean());

        var staffFirst = await SignIn.TokenAsync(api.Factory.CreateClient(), "wang.fang", staffOneTime);
        var staff = SignIn.With(api.Factory.CreateClient(), staffFirst);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri("/api/v1/me/duties", UriKind.Relative))).StatusCode);
        staff = SignIn.With(api.Factory.CreateClient(), await SignIn.ChangePasswordAsync(staff, staffOneTime, "梅花-夜班-0305"));
        var staffMe = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");
        Assert.Equal("wang.fang", staffMe.GetProperty("username").GetString());
        Assert.False(staffMe.GetProperty("passwordChangeRequired").GetBoolean());
        Assert.Equal(schoolId, staffMe.GetProperty("grants")[0].GetProperty("unitId").GetString());
        Assert.Equal("staff", staffMe.GetProperty("grants")[0].GetProperty("role").GetString());
        // The new password signs in normally.
        var again = await SignIn.TokenAsync(api.Factory.CreateClient(), "wang.fang", "梅花-夜班-0305");
        Assert.False(again.GetProperty("passwordChangeRequired").GetBoolean());
    }
}
