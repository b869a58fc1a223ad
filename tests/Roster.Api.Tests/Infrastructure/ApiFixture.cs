using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Units;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>
/// The real API on its own fresh database, loaded with the demo (a bureau, three schools, accounts admin,
/// supervisor and staff) plus <c>admin2</c>, an administrator of the second school. The clock is fake and fixed.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Password = "test-password-1";

    /// <summary>The bearer token that opens /metrics (Observability:ScrapeToken).</summary>
    public const string ScrapeToken = "test-scrape-token-0123456789";

    /// <summary>2026-12-01 08:00 in Asia/Shanghai.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 12, 1, 0, 0);

    private readonly bool _realPort;
    private readonly Dictionary<string, string> _settings = [];
    private WebApplicationFactory<Program>? _factory;

    public ApiFixture()
        : this(realPort: false)
    {
    }

    private ApiFixture(bool realPort) => _realPort = realPort;

    /// <summary>
    /// The API on Kestrel at a free port of 127.0.0.1 instead of the in-memory test server, so that a real browser can
    /// open it (see <see cref="BaseAddress"/>). Everything else is the same.
    /// </summary>
    public static ApiFixture OnRealPort() => new(realPort: true);

    /// <summary>The API with extra settings, e.g. <c>Generation:Worker=false</c> for a node that only queues generation jobs.</summary>
    public static ApiFixture With(IReadOnlyDictionary<string, string> settings)
    {
        var fixture = new ApiFixture();
        foreach (var (key, value) in settings)
        {
            fixture._settings[key] = value;
        }

        return fixture;
    }

    /// <summary>Where the API listens: a real http://127.0.0.1:port/ address for <see cref="OnRealPort"/>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost/");

    public FakeClock Clock { get; } = new(Start);

    public string Database { get; private set; } = "";

    public Guid BureauId { get; private set; }

    public Guid School1Id { get; private set; }

    public Guid School2Id { get; private set; }

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Database = await TestDatabases.CreateAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Roster", TestDatabases.ConnectionStringFor(Database));
            b.UseSetting("Auth:SigningKey", "test-signing-key-0123456789-0123456789-abcdef");
            b.UseSetting("Roster:SeedDemo", "true");
            b.UseSetting("Roster:DemoPassword", Password);
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Observability:ScrapeToken", ScrapeToken);
            foreach (var (key, value) in _settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(s => s.AddSingleton<IClock>(Clock));
            if (_realPort)
            {
                // Port 0: Kestrel picks a free port (UseKestrel(0) alone still bound the default 5000 here).
                b.UseSetting("urls", "http://127.0.0.1:0");
            }
        });
        if (_realPort)
        {
            _factory.UseKestrel();
            _factory.StartServer();
            var addresses = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
            _factory.ClientOptions.BaseAddress = BaseAddress;
        }
        else
        {
            _ = _factory.Server;
        }

        await using var work = await DbWork.BeginAsync(Factory.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
        var units = await UnitStore.ListAsync(work, await AllUnitIdsAsync(work), null, null, 100, CancellationToken.None);
        BureauId = units.Single(u => u.Code == "bureau").Id;
        School1Id = units.Single(u => u.Code == "school-1").Id;
        School2Id = units.Single(u => u.Code == "school-2").Id;
        var hasher = Factory.Services.GetRequiredService<IPasswordHasher<AccountRow>>();
        var admin2 = await AccountStore.InsertAsync(
            work, "admin2", hasher.HashPassword(new AccountRow(), Password), "School 2 admin", null, Start, CancellationToken.None);
        await AccountStore.GrantAsync(work, admin2, School2Id, GrantRoles.Admin, CancellationToken.None);
        await work.CommitAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await TestDatabases.DropAsync(Database);
    }

    public Task<AccountRow> AccountAsync(string username) => WithWorkAsync(async w =>
        await AccountStore.FindByUsernameAsync(w, username, CancellationToken.None)
        ?? throw new InvalidOperationException($"No account {username}."));

    /// <summary>
    /// A client signed in as <paramref name="username"/> (admin, admin2, supervisor, staff or one made by
    /// <see cref="CreateAccountAsync"/>). Its token is minted for the fake clock's current time before each request,
    /// so tests may move the clock freely.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string username)
    {
        var account = await AccountAsync(username);
        var issuer = Factory.Services.GetRequiredService<Roster.Api.Auth.TokenIssuer>();
        return Factory.CreateDefaultClient(BaseAddress, new FreshTokenHandler(() => issuer.Issue(account).Token));
    }

    public HttpClient AnonymousClient() => Factory.CreateClient();

    /// <summary>Adds an account (password <see cref="Password"/>) for a person, with one grant.</summary>
    public Task CreateAccountAsync(string username, Guid? personId, Guid unitId, string role) => WithWorkAsync(async work =>
    {
        var hasher = Factory.Services.GetRequiredService<IPasswordHasher<AccountRow>>();
        var id = await AccountStore.InsertAsync(work, username, hasher.HashPassword(new AccountRow(), Password), username, personId, Start, CancellationToken.None);
        await AccountStore.GrantAsync(work, id, unitId, role, CancellationToken.None);
        return id;
    });

    /// <summary>
    /// Runs <paramref name="action"/> in one committed transaction, then drops the host's cached sessions as a write through
    /// it would: tests change accounts, grants and the unit tree by hand and expect the next request to see it (the
    /// notice that does the same a moment later, and on other nodes, is tested in SessionCacheTests).
    /// </summary>
    public async Task<T> WithWorkAsync<T>(Func<DbWork, Task<T>> action)
    {
        await using var work = await DbWork.BeginAsync(Factory.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
        var result = await action(work);
        await work.CommitAsync(CancellationToken.None);
        Factory.Services.GetRequiredService<Roster.Api.Auth.SessionCache>().Invalidate();
        return result;
    }

    private static async Task<IReadOnlyCollection<Guid>> AllUnitIdsAsync(DbWork work)
    {
        var ids = await Dapper.SqlMapper.QueryAsync<Guid>(work.Connection, "SELECT id FROM units", transaction: work.Transaction);
        return ids.ToList();
    }
}
