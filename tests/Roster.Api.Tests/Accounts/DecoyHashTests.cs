using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Roster.Api.Auth;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.Accounts;

/// <summary>
/// A sign-in for an unknown or disabled username pays for a password verification as costly as a real one, so its timing
/// does not tell which usernames exist: the endpoint runs the decoy verification on that path, and the decoy's hash has
/// the cost parameters of every stored and every new hash. (The timing itself is a benchmark: ./roster bench signin.)
/// </summary>
public sealed class DecoyHashTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task DecoyHash_HasTheCostParametersOfNewAndStoredHashes()
    {
        var decoy = PasswordHashFormat.Parse(api.Factory.Services.GetRequiredService<DecoyHash>().Hash);
        var hasher = api.Factory.Services.GetRequiredService<IPasswordHasher<AccountRow>>();
        var fresh = PasswordHashFormat.Parse(hasher.HashPassword(new AccountRow(), "a-new-account-password"));

        Assert.Equal(fresh, decoy);
        // Never below the framework's own default for new hashes.
        Assert.True(decoy.Iterations >= new PasswordHasherOptions().IterationCount, $"{decoy.Iterations} iterations");

        var stored = await api.WithWorkAsync(async w =>
            (await w.Connection.QueryAsync<(string Username, string Hash)>("SELECT username, password_hash FROM accounts", transaction: w.Transaction)).ToList());
        Assert.Contains(stored, s => s.Username == "supervisor");
        Assert.All(stored, s => Assert.True(PasswordHashFormat.Parse(s.Hash) == decoy, $"{s.Username}: {PasswordHashFormat.Parse(s.Hash)} vs decoy {decoy}"));
    }

    [Fact]
    public async Task UnknownAndDisabledUsernames_RunTheDecoyVerification_KnownOnesTheirOwn()
    {
        var decoy = api.Factory.Services.GetRequiredService<DecoyHash>();
        var client = api.AnonymousClient();

        var before = decoy.Verifications;
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..8], "wrong-password-1"));
        Assert.Equal(before + 1, decoy.Verifications);

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(client, "supervisor", "wrong-password-2"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(client, "supervisor", ApiFixture.Password));
        Assert.Equal(before + 1, decoy.Verifications);

        await api.CreateAccountAsync("decoy-disabled", null, api.School1Id, GrantRoles.Staff);
        await api.WithWorkAsync(w => w.Connection.ExecuteAsync("UPDATE accounts SET active = false WHERE username = 'decoy-disabled'", transaction: w.Transaction));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(client, "decoy-disabled", ApiFixture.Password));
        Assert.Equal(before + 2, decoy.Verifications);
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string username, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        return response.StatusCode;
    }
}
