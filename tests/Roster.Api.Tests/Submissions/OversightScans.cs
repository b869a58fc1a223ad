using System.Net;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Submissions;

/// <summary>
/// Runs the oversight scan the way an operator does between the scheduler's runs (<c>POST /oversight:scan</c>, as the
/// top unit's supervisor): reads never run it, so a test that expects flags recorded as of the clock runs it first.
/// </summary>
internal static class OversightScans
{
    /// <summary>The number of flags the scan opened plus closed.</summary>
    public static async Task<int> RunAsync(ApiFixture api)
    {
        var supervisor = await api.ClientAsync("supervisor");
        var scan = await supervisor.PostAsync(new Uri("/api/v1/oversight:scan", UriKind.Relative), null);
        Assert.True(scan.StatusCode == HttpStatusCode.OK, await scan.Content.ReadAsStringAsync());
        return (await scan.BodyAsync()).GetProperty("changed").GetInt32();
    }
}
