using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Roster.Api.Auth;
using Roster.Api.Events;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.OnDuty;

/// <summary>Two API hosts on one database: a change made through one reaches the other's event stream within 2 s.</summary>
public sealed class PushTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ChangeThroughOneHost_ArrivesOnTheOtherHostsStream_Within2Seconds()
    {
        await using var other = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Roster", TestDatabases.ConnectionStringFor(api.Database));
            b.UseSetting("Auth:SigningKey", "test-signing-key-0123456789-0123456789-abcdef");
            b.UseSetting("Generation:Worker", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.ConfigureTestServices(s => s.AddSingleton<IClock>(api.Clock));
        });
        var supervisor = await api.WithWorkAsync(async w => (await AccountStore.FindByUsernameAsync(w, "supervisor", CancellationToken.None))!);
        var issuer = other.Services.GetRequiredService<TokenIssuer>();
        var watcher = other.CreateDefaultClient(new FreshTokenHandler(() => issuer.Issue(supervisor).Token));
        await other.Services.GetRequiredService<ChangeFeed>().Listening.WaitAsync(TimeSpan.FromSeconds(30));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/events?unit={api.BureauId}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await watcher.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());
        await ReadUntilAsync(stream, "event: ready", TimeSpan.FromSeconds(10));

        var admin = await api.ClientAsync("admin");
        // A first change warms both hosts' paths (JIT, connections), so the timed one measures delivery, not start-up.
        var warm = await admin.PutAsJsonAsync($"/api/v1/units/{api.School1Id}/duty-phone", new { dutyPhone = "010-6655 4432" });
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        await ReadUntilAsync(stream, "event: change", TimeSpan.FromSeconds(10));
        await stream.ReadLineAsync();

        var clock = Stopwatch.StartNew();
        var set = await admin.PutAsJsonAsync($"/api/v1/units/{api.School1Id}/duty-phone", new { dutyPhone = "010-6655 4433" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await ReadUntilAsync(stream, "event: change", TimeSpan.FromSeconds(2));
        var data = await stream.ReadLineAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"arrived after {clock.Elapsed}");
        Assert.Contains(api.School1Id.ToString(), data, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"unit\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_OutsideWhatTheAccountOversees_Is404()
    {
        var staff = await api.ClientAsync("staff");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(new Uri($"/api/v1/events?unit={api.BureauId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Events_WithoutUnit_Is400NamingUnit()
    {
        var missing = await (await api.ClientAsync("supervisor")).GetAsync(new Uri("/api/v1/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["unit"], await missing.ErrorFieldsAsync());
    }

    private static async Task ReadUntilAsync(StreamReader stream, string line, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await stream.ReadLineAsync(cts.Token) is { } read)
        {
            if (read == line)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The stream ended before '{line}'.");
    }
}
