using System.Diagnostics;
using System.Net;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Roster.Api.Auth;
using Roster.Api.Events;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.Auth;

/// <summary>
/// Two API hosts on one database, each caching sessions: a revocation made through one host, or by hand in SQL, is
/// refused by the other host's cached session within 2 s; a removed grant stops access there within 2 s; a session
/// cached before the LISTEN connection dropped is never served again.
/// </summary>
public sealed class SessionCacheTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan NoticeLatency = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task CachedRead_AsksTheDatabaseNothing_AndTheSessionIsCached()
    {
        await using var other = await OtherHostAsync();
        var id = await NewSupervisorAsync("sc.cached");
        var client = await ClientOnAsync(other, "sc.cached");
        var board = $"/api/v1/on-duty?unit={api.School1Id}&at=2026-12-02T04:00:00Z";
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, board));
        Assert.NotNull(other.Services.GetRequiredService<SessionCache>().Find(id));

        using var counter = new SqlCommandCounter(api.Database);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, board));
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task PasswordResetThroughOneHost_IsRefusedByTheOtherHostsCachedSession_Within2Seconds()
    {
        await using var other = await OtherHostAsync();
        var id = await NewSupervisorAsync("sc.reset");
        var watched = await ClientOnAsync(other, "sc.reset");
        await WarmAsync(other, watched, id);

        var admin = await api.ClientAsync("admin");
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/accounts/{id}:reset-password", UriKind.Relative), null)).StatusCode);
        await RefusedWithinAsync(watched, "/api/v1/me", HttpStatusCode.Unauthorized, clock);
    }

    [Fact]
    public async Task DeactivationInSql_IsRefusedByTheOtherHostsCachedSession_Within2Seconds()
    {
        await using var other = await OtherHostAsync();
        var id = await NewSupervisorAsync("sc.sql");
        var watched = await ClientOnAsync(other, "sc.sql");
        await WarmAsync(other, watched, id);

        var clock = Stopwatch.StartNew();
        await api.WithWorkAsync(w => w.Connection.ExecuteAsync("UPDATE accounts SET active = false WHERE id = @id", new { id }, w.Transaction));
        await RefusedWithinAsync(watched, "/api/v1/me", HttpStatusCode.Unauthorized, clock);
    }

    [Fact]
    public async Task GrantRemovedThroughOneHost_StopsAccessOnTheOtherHost_Within2Seconds()
    {
        await using var other = await OtherHostAsync();
        var id = await NewSupervisorAsync("sc.grant");
        var watched = await ClientOnAsync(other, "sc.grant");
        await WarmAsync(other, watched, id);
        var board = $"/api/v1/on-duty?unit={api.School1Id}&at=2026-12-02T04:00:00Z";
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(watched, board));

        var admin = await api.ClientAsync("admin");
        var etag = (await admin.GetAsync(new Uri($"/api/v1/accounts/{id}", UriKind.Relative))).Headers.ETag!.Tag;
        var clock = Stopwatch.StartNew();
        var replaced = await admin.PutJsonAsync($"/api/v1/accounts/{id}/grants", new[] { new { unitId = api.School1Id, role = "staff" } }, etag);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        await RefusedWithinAsync(watched, board, HttpStatusCode.NotFound, clock);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(watched, "/api/v1/me"));
    }

    [Fact]
    public async Task SessionCachedBeforeTheListenConnectionDropped_IsNeverServedAgain()
    {
        await using var other = await OtherHostAsync();
        var id = await NewSupervisorAsync("sc.drop");
        var watched = await ClientOnAsync(other, "sc.drop");
        await WarmAsync(other, watched, id);
        var cache = other.Services.GetRequiredService<SessionCache>();

        // Ends every LISTEN connection of the database (both hosts'): a dropped connection reports no notice.
        await api.WithWorkAsync(w => w.Connection.ExecuteAsync("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND (query LIKE 'LISTEN%' OR query LIKE '%pg_listening_channels%')
            """, transaction: w.Transaction));
        var down = Stopwatch.StartNew();
        while (cache.Live && down.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        // Whether the connection is still down or already back, the session cached before is not served.
        Assert.Null(cache.Find(id));
        await using (var connection = new NpgsqlConnection(TestDatabases.OwnerConnectionStringFor(api.Database)))
        {
            await connection.ExecuteAsync(
                "ALTER TABLE accounts DISABLE TRIGGER accounts_sessions_tg; UPDATE accounts SET active = false WHERE id = @id; ALTER TABLE accounts ENABLE TRIGGER accounts_sessions_tg",
                new { id });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(watched, "/api/v1/me"));
    }

    private async Task<WebApplicationFactory<Program>> OtherHostAsync()
    {
        var other = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Roster", TestDatabases.ConnectionStringFor(api.Database));
            b.UseSetting("Auth:SigningKey", "test-signing-key-0123456789-0123456789-abcdef");
            b.UseSetting("Generation:Worker", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.ConfigureTestServices(s => s.AddSingleton<IClock>(api.Clock));
        });
        await other.Services.GetRequiredService<ChangeFeed>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        return other;
    }

    private async Task<Guid> NewSupervisorAsync(string username)
    {
        await api.CreateAccountAsync(username, null, api.School1Id, GrantRoles.Supervisor);
        return (await api.AccountAsync(username)).Id;
    }

    private async Task<HttpClient> ClientOnAsync(WebApplicationFactory<Program> host, string username)
    {
        var account = await api.AccountAsync(username);
        var issuer = host.Services.GetRequiredService<TokenIssuer>();
        return host.CreateDefaultClient(new FreshTokenHandler(() => issuer.Issue(account).Token));
    }

    /// <summary>Signs in on the host until its cache holds the session (the revocations below must beat a cached entry).</summary>
    private static async Task WarmAsync(WebApplicationFactory<Program> host, HttpClient client, Guid id)
    {
        var cache = host.Services.GetRequiredService<SessionCache>();
        var clock = Stopwatch.StartNew();
        do
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/v1/me"));
        }
        while (cache.Find(id) is null && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.NotNull(cache.Find(id));
    }

    private static async Task RefusedWithinAsync(HttpClient client, string url, HttpStatusCode refused, Stopwatch since)
    {
        HttpStatusCode status;
        do
        {
            status = await StatusAsync(client, url);
        }
        while (status != refused && since.Elapsed < NoticeLatency);

        Assert.True(status == refused, $"still {status} after {since.Elapsed}");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }
}
