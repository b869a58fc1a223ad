using System.Net;
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
}
