namespace Roster.Api.Tests.Accounts;

/// <summary>
/// Two API processes on one fresh database with the demo loaded (password <see cref="Password"/>), both trusting
/// 127.0.0.1 as a proxy, so a test chooses the client address with <c>X-Forwarded-For</c>. They use the real clock.
/// </summary>
public sealed class TwoProcessFixture : IAsyncLifetime
{
    public const string Password = "two-process-password";

    public string Database { get; private set; } = "";

    public ApiProcess A { get; private set; } = null!;

    public ApiProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabases.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Roster"] = TestDatabases.ConnectionStringFor(Database),
            ["Auth:SigningKey"] = "test-signing-key-0123456789-0123456789-abcdef",
            ["Roster:SeedDemo"] = "true",
            ["Roster:DemoPassword"] = Password,
            ["Roster:TrustedProxies"] = "127.0.0.1",
        };
        A = ApiProcess.Start(settings);
        B = ApiProcess.Start(settings);
        await Task.WhenAll(A.WaitReadyAsync(TimeSpan.FromSeconds(120)), B.WaitReadyAsync(TimeSpan.FromSeconds(120)));
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await TestDatabases.DropAsync(Database);
    }
}
