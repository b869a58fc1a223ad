using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Roster.Api.Tests.Feeds;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Http;

/// <summary>Compression, security headers, conditional requests, media types and CORS, as an HTTP client sees them.</summary>
public sealed class HttpHygieneTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Responses_AreCompressed_WhenTheClientAcceptsIt()
    {
        var client = await api.ClientAsync("supervisor");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units?limit=200");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);

        using var docs = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        docs.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var document = await api.AnonymousClient().SendAsync(docs);
        Assert.Equal(["gzip"], document.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/api/v1/units", "default-src 'none'")]
    [InlineData("/openapi/v1.json", "default-src 'none'")]
    [InlineData("/docs/", "script-src 'self'")]
    public async Task ApiAndDocs_SendSecurityHeaders(string url, string policy)
    {
        var client = url.StartsWith("/api", StringComparison.Ordinal) ? await api.ClientAsync("admin") : api.AnonymousClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains(policy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_WorkOffline_WithoutFontsOrCloudFeatures()
    {
        var html = await api.AnonymousClient().GetStringAsync(new Uri("/docs/", UriKind.Relative));
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script[^>]+src=\"https?://", html);
        Assert.Contains("\"withDefaultFonts\":false", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"hideClientButton\":true", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAndDelete_WithoutIfMatch_Answer428NamingTheHeader()
    {
        var admin = await api.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code = "s1-if-match", name = "初二" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = $"/api/v1/units/{(await created.BodyAsync()).Id()}";

        var update = await admin.PutJsonAsync(url, new { code = "s1-if-match", name = "初二（1）" });
        Assert.Equal((HttpStatusCode)428, update.StatusCode);
        Assert.Equal("application/problem+json", update.Content.Headers.ContentType?.MediaType);
        Assert.Contains("If-Match", await update.ErrorFieldsAsync());
        Assert.Equal((HttpStatusCode)428, (await admin.DeleteAsync(url, null)).StatusCode);

        var withTag = await admin.PutJsonAsync(url, new { code = "s1-if-match", name = "初二（1）" }, created.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, withTag.StatusCode);
    }

    [Fact]
    public async Task SignIn_FormEncoded_Answers415()
    {
        var response = await api.AnonymousClient().PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = ApiFixture.Password }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("application/json", (await response.BodyAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var asJson = await api.AnonymousClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, asJson.StatusCode);
    }

    [Fact]
    public async Task Cors_IsOffByDefault_AndAllowsOnlyConfiguredOrigins()
    {
        using var preflight = Preflight("https://duty.example.org");
        var off = await api.AnonymousClient().SendAsync(preflight);
        Assert.False(off.Headers.Contains("Access-Control-Allow-Origin"));

        using var configured = api.Factory.WithWebHostBuilder(b => b.UseSetting("Roster:Http:CorsOrigins:0", "https://duty.example.org"));
        var client = configured.CreateClient();
        using var allowed = Preflight("https://duty.example.org");
        var on = await client.SendAsync(allowed);
        Assert.Equal("https://duty.example.org", Assert.Single(on.Headers.GetValues("Access-Control-Allow-Origin")));
        using var other = Preflight("https://elsewhere.example.org");
        Assert.False((await client.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));

        static HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/units");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            request.Headers.Add("Access-Control-Request-Headers", "authorization");
            return request;
        }
    }

    [Fact]
    public async Task CalendarFeed_HasValidators_AndAnswers304ToAPollThatHasTheCurrentOne()
    {
        var admin = await api.ClientAsync("admin");
        await PublishedRosters.PublishAsync(admin, await api.DemoPeriodIdAsync(admin), api.School1Id, seed: 11);
        var created = await admin.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = new Uri((await created.BodyAsync()).GetProperty("url").GetString()!, UriKind.Relative);
        var feeds = api.AnonymousClient();

        var first = await feeds.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);
        Assert.True(lastModified <= ApiFixture.Start.ToDateTimeOffset().AddMinutes(1));

        using var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await feeds.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await feeds.SendAsync(byDate)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\"", isWeak: true));
        var changed = await feeds.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.StartsWith("BEGIN:VCALENDAR", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
