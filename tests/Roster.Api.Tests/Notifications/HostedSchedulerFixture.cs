using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Notifications;

/// <summary>
/// The API with the scheduler hosted in it (<c>Scheduler:Enabled=true</c>, as <c>./roster up</c> runs it) on its own
/// database and the real clock. The only host in this assembly with Hangfire on: Hangfire keeps process-wide state.
/// </summary>
public sealed class HostedSchedulerFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public string Database { get; private set; } = "";

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Database = await TestDatabases.CreateAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Roster", TestDatabases.ConnectionStringFor(Database));
            b.UseSetting("Auth:SigningKey", "test-signing-key-0123456789-0123456789-abcdef");
            b.UseSetting("Roster:SeedDemo", "true");
            b.UseSetting("Roster:DemoPassword", ApiFixture.Password);
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Scheduler:Enabled", "true");
            b.UseSetting("Scheduler:InstanceName", "api-test");
            b.UseSetting("Scheduler:Workers", "2");
        });
        _ = _factory.Server;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await TestDatabases.DropAsync(Database);
    }

    public async Task<string> TokenAsync(string username)
    {
        using var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = ApiFixture.Password });
        response.EnsureSuccessStatusCode();
        return (await response.BodyAsync()).GetProperty("accessToken").GetString()!;
    }

    public async Task<HttpClient> ClientAsync(string username)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(username));
        return client;
    }
}
