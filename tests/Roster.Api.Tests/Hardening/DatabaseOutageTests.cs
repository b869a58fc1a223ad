using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.Hardening;

/// <summary>
/// The real API whose database connections run through a <see cref="TcpRelay"/>: cutting it is a database outage as the
/// API sees one (connections reset, new ones refused).
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime, IAsyncDisposable
{
    private TcpRelay? _relay;
    private WebApplicationFactory<Program>? _factory;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync();
        var direct = new NpgsqlConnectionStringBuilder(TestDatabases.ConnectionStringFor(_database));
        _relay = new TcpRelay(direct.Port);
        var relayed = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = _relay.Port, Timeout = 3 };
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Roster", relayed.ConnectionString);
            b.UseSetting("Auth:SigningKey", "test-signing-key-0123456789-0123456789-abcdef");
            b.UseSetting("Roster:SeedDemo", "true");
            b.UseSetting("Roster:DemoPassword", ApiFixture.Password);
            b.UseSetting("Logging:LogLevel:Default", "Critical");
            b.ConfigureTestServices(s => s.AddSingleton<IClock>(new FakeClock(ApiFixture.Start)));
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        // Idempotent: xunit may call both disposals.
        var factory = _factory;
        _factory = null;
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        var relay = _relay;
        _relay = null;
        if (relay is not null)
        {
            await relay.DisposeAsync();
        }

        var database = _database;
        _database = "";
        if (database.Length > 0)
        {
            await TestDatabases.DropAsync(database);
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    [Fact]
    public async Task DatabaseOutage_WhileItLasts_Answers503WithRetryAfterUntilTheDatabaseReturns()
    {
        var admin = await ClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);
        var anonymous = _factory!.CreateClient();

        await _relay!.CutAsync();
        var read = await admin.GetAsync(new Uri("/api/v1/units", UriKind.Relative));
        var write = await admin.PostAsJsonAsync("/api/v1/units", new { parentId = Guid.NewGuid(), code = "down", name = "停机 outage" });
        var ready = await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));
        foreach (var answer in new[] { read, write, ready })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.True(answer.Headers.RetryAfter is not null, $"{answer.RequestMessage?.RequestUri}: no Retry-After");
        }

        _relay.Open();
        // Connections the pool still holds died with the outage: the read is retried once on a fresh one.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/api/v1/units", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    private async Task<HttpClient> ClientAsync(string username)
    {
        var db = _factory!.Services.GetRequiredService<NpgsqlDataSource>();
        await using var work = await DbWork.BeginAsync(db, CancellationToken.None);
        var account = (await AccountStore.FindByUsernameAsync(work, username, CancellationToken.None))!;
        var issuer = _factory.Services.GetRequiredService<Roster.Api.Auth.TokenIssuer>();
        return _factory.CreateDefaultClient(new FreshTokenHandler(() => issuer.Issue(account).Token));
    }
}
