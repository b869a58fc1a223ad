using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Auth;

public sealed class AuthTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Token_RightPassword_IssuesTokenThatOpensTheApi()
    {
        var client = api.AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "supervisor", password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Equal("2026-12-01T08:00:00Z", body.GetProperty("expiresAt").GetString());

        var me = await (await api.ClientAsync("supervisor")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");
        Assert.Equal("supervisor", me.GetProperty("username").GetString());
        Assert.Equal("supervisor", me.GetProperty("grants")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Token_WrongPassword_Answers401ProblemDetails()
    {
        var response = await api.AnonymousClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_RepeatedFailures_AreRateLimitedEvenWithTheRightPassword()
    {
        var client = api.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "staff", password = "guess" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "staff", password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);

        api.Clock.Advance(NodaTime.Duration.FromMinutes(16));
        var later = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "staff", password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Token_MissingFields_Answers400NamingThem()
    {
        var response = await api.AnonymousClient().PostAsync("/api/v1/auth/token", Json.Raw("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await response.ErrorFieldsAsync();
        Assert.Contains("username", fields);
        Assert.Contains("password", fields);
    }

    [Theory]
    [InlineData("/api/v1/units")]
    [InlineData("/api/v1/periods")]
    [InlineData("/api/v1/calendars")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/me")]
    public async Task Endpoint_WithoutToken_Answers401(string url)
    {
        var response = await api.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Endpoint_WithForgedToken_Answers401()
    {
        var client = api.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);
    }
}
