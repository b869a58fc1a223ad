using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Accounts;

/// <summary>Password changes, resets and deactivation end the sessions opened before them; bad passwords write nothing.</summary>
public sealed class SessionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ChangePassword_EndsEarlierTokens_AndRefusesReuseAndWeakPasswords()
    {
        await api.CreateAccountAsync("zhou.jie", null, api.School1Id, "staff");
        var earlier = SignIn.With(api.Factory.CreateClient(), await SignIn.TokenAsync(api.Factory.CreateClient(), "zhou.jie", ApiFixture.Password));
        var current = SignIn.With(api.Factory.CreateClient(), await SignIn.TokenAsync(api.Factory.CreateClient(), "zhou.jie", ApiFixture.Password));
        var hash = await HashAsync("zhou.jie");

        foreach (var (chosen, reason) in new[]
        {
            (ApiFixture.Password, "differ"), ("short", "at least"), ("zhou.jie-winter-2026", "username"), ("1qaz2wsx3edc", "common"),
        })
        {
            var refused = await current.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = ApiFixture.Password, newPassword = chosen });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(reason, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var wrongCurrent = await current.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not-it-at-all", newPassword = "雪夜-巡查-2027" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Contains("currentPassword", await wrongCurrent.ErrorFieldsAsync());
        Assert.Equal(hash, await HashAsync("zhou.jie"));
        Assert.Equal(HttpStatusCode.OK, (await earlier.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var fresh = SignIn.With(api.Factory.CreateClient(), await SignIn.ChangePasswordAsync(current, ApiFixture.Password, "雪夜-巡查-2027"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await earlier.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await current.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        // Back to the first password: it is remembered.
        var back = await fresh.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "雪夜-巡查-2027", newPassword = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
    }

    [Fact]
    public async Task ResetAndDeactivate_EndTheAccountsSessions()
    {
        await api.CreateAccountAsync("sun.li", null, api.School1Id, "staff");
        var admin = await api.ClientAsync("admin");
        var session = SignIn.With(api.Factory.CreateClient(), await SignIn.TokenAsync(api.Factory.CreateClient(), "sun.li", ApiFixture.Password));
        var id = await IdAsync("sun.li");

        var reset = await admin.PostAsync(new Uri($"/api/v1/accounts/{id}:reset-password", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("no-store", reset.Headers.CacheControl?.ToString());
        var oneTime = (await reset.BodyAsync()).GetProperty("oneTimePassword").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Factory.CreateClient().PostAsJsonAsync(
            "/api/v1/auth/token", new { username = "sun.li", password = ApiFixture.Password })).StatusCode);

        var signedIn = await SignIn.TokenAsync(api.Factory.CreateClient(), "sun.li", oneTime);
        Assert.True(signedIn.GetProperty("passwordChangeRequired").GetBoolean());
        var restricted = SignIn.With(api.Factory.CreateClient(), signedIn);
        Assert.Equal(HttpStatusCode.OK, (await restricted.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await restricted.GetAsync(new Uri("/api/v1/periods", UriKind.Relative))).StatusCode);

        var version = (await admin.GetAsync(new Uri($"/api/v1/accounts/{id}", UriKind.Relative))).Headers.ETag!.Tag;
        var deactivated = await admin.PutJsonAsync($"/api/v1/accounts/{id}", new { displayName = "sun.li", active = false }, version);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.BodyAsync()).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await restricted.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Factory.CreateClient().PostAsJsonAsync(
            "/api/v1/auth/token", new { username = "sun.li", password = oneTime })).StatusCode);
    }

    [Fact]
    public async Task Create_BadInput_ClearProblemsAndNothingWritten()
    {
        var admin = await api.ClientAsync("admin");
        var accounts = await CountAsync("SELECT count(*) FROM accounts");
        var taken = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            username = "STAFF", displayName = "Same name", grants = new[] { new { unitId = api.School1Id, role = "staff" } },
        });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("username", await taken.ErrorFieldsAsync());

        var malformed = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            username = "x", displayName = "", grants = new object[] { new { unitId = api.School1Id, role = "chief" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var fields = await malformed.ErrorFieldsAsync();
        Assert.Contains("username", fields);
        Assert.Contains("displayName", fields);
        Assert.Contains("grants[0].role", fields);

        var noGrants = await admin.PostAsJsonAsync("/api/v1/accounts", new { username = "no.grants", displayName = "X", grants = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, noGrants.StatusCode);
        Assert.Contains("grants", await noGrants.ErrorFieldsAsync());

        var unknownPerson = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            username = "ghost", displayName = "X", personId = Guid.NewGuid(), grants = new[] { new { unitId = api.School1Id, role = "staff" } },
        });
        Assert.Equal(HttpStatusCode.NotFound, unknownPerson.StatusCode);
        Assert.Contains("personId", await unknownPerson.ErrorFieldsAsync());

        var notJson = await admin.PostAsync(new Uri("/api/v1/accounts", UriKind.Relative), Json.Raw("{\"grants\": 5}"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(accounts, await CountAsync("SELECT count(*) FROM accounts"));
    }

    private Task<Guid> IdAsync(string username) => api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<Guid>(
        w.Connection, "SELECT id FROM accounts WHERE username = @username", new { username }, w.Transaction));

    private Task<string> HashAsync(string username) => api.WithWorkAsync(async w => (await Dapper.SqlMapper.ExecuteScalarAsync<string>(
        w.Connection, "SELECT password_hash FROM accounts WHERE username = @username", new { username }, w.Transaction))!);

    private Task<long> CountAsync(string sql) =>
        api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection, sql, transaction: w.Transaction));
}
