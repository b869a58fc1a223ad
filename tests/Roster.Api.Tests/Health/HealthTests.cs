using System.Net;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Health;

public sealed class HealthTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/")]
    public async Task OpenEndpoint_WithoutToken_Answers200(string url)
    {
        var response = await api.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_NodaTimeTypes_AreDescribedAsIsoStrings()
    {
        var doc = await (await api.AnonymousClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).BodyAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.Equal("date-time", schemas.GetProperty("Instant").GetProperty("format").GetString());
        Assert.Equal("date", schemas.GetProperty("LocalDate").GetProperty("format").GetString());
        Assert.Equal("duration", schemas.GetProperty("Duration").GetProperty("format").GetString());
        Assert.Equal("string", schemas.GetProperty("Duration").GetProperty("type").GetString());
        Assert.False(schemas.GetProperty("Instant").TryGetProperty("properties", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/periods/{periodId}/units/{unitId}/slots", out _));
        Assert.Equal(JsonValueKind.Object, doc.GetProperty("paths").ValueKind);
    }
}
