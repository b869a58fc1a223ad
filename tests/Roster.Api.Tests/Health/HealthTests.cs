using System.Net;
using System.Net.Http.Json;
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
    public async Task Readyz_ChecksPostgresQuartzAndHangfire_AndTellsAnonymousCallersNoDetails()
    {
        var ready = await api.AnonymousClient().GetFromJsonAsync<JsonElement>("/readyz");

        var checks = ready.GetProperty("checks");
        Assert.Equal(["hangfire", "postgres", "quartz"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
        // No scheduler node runs beside this API (Scheduler:Enabled is off): it serves, but says nothing delivers.
        Assert.Equal("degraded", checks.GetProperty("hangfire").GetProperty("status").GetString());
        Assert.Equal("degraded", ready.GetProperty("status").GetString());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal(["durationMs", "status"], c.Value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }
}
