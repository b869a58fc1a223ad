using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Roster.Api.Bootstrap;
using Roster.Core.Storage;

namespace Roster.Api.Tests.Accounts;

/// <summary>The API as <c>./roster up --no-demo</c> starts it: a fresh database with nothing in it, and a fake clock.</summary>
public sealed partial class NoDemoFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 12, 1, 0, 0));

    public string Database { get; private set; } = "";

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Database = await TestDatabases.CreateAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Roster", TestDatabases.ConnectionStringFor(Database));
            b.UseSetting("Auth:SigningKey", "test-signing-key-0123456789-0123456789-abcdef");
            b.UseSetting("Roster:SeedDemo", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.ConfigureTestServices(s => s.AddSingleton<IClock>(Clock));
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await TestDatabases.DropAsync(Database);
    }

    /// <summary>Runs <c>./roster bootstrap</c>'s command on this API's database; returns its exit code and what it printed.</summary>
    public async Task<(int Exit, string Output)> BootstrapAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await BootstrapCommand.RunAsync(Factory.Services, args, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    public static string OneTimePasswordIn(string output) => PasswordLine().Match(output) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("No one-time password in:\n" + output);

    public Task<long> CountAsync(string sql) => WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection, sql, transaction: w.Transaction));

    public async Task<T> WithWorkAsync<T>(Func<DbWork, Task<T>> action)
    {
        await using var work = await DbWork.BeginAsync(Factory.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
        var result = await action(work);
        await work.CommitAsync(CancellationToken.None);
        return result;
    }

    [GeneratedRegex(@"one-time password\s+(\S+)")]
    private static partial Regex PasswordLine();
}
