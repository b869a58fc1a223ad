using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Accounts;

/// <summary>Sign-in throttling in one process: forged forwarding headers, and the table's bounded size.</summary>
public sealed class SignInThrottleTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ParallelBurst_WithForgedForwardedFor_IsStillCountedAsOneAddress()
    {
        var client = api.AnonymousClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = JsonContent.Create(new { username = "admin2", password = $"guess-{i}" }),
            };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }));
        Assert.Equal(5, answers.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(45, answers.Count(s => s == HttpStatusCode.TooManyRequests));
        var rows = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection,
            "SELECT count(*) FROM sign_in_attempts WHERE key LIKE 'u:admin2|%'", transaction: w.Transaction));
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task ExpiredWindows_ArePrunedByLaterSignIns_SoTheTableHoldsOnlyLiveWindows()
    {
        var old = ApiFixture.Start - NodaTime.Duration.FromHours(1);
        await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteAsync(w.Connection,
            "INSERT INTO sign_in_attempts (key, window_start, attempts) SELECT 'u:gone-' || n || '|192.0.2.1', @old, 3 FROM generate_series(1, 300) n",
            new { old }, w.Transaction));
        var client = api.AnonymousClient();
        for (var i = 0; i < 2; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody-" + i, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var left = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection,
            "SELECT count(*) FROM sign_in_attempts WHERE key LIKE 'u:gone-%'", transaction: w.Transaction));
        Assert.Equal(0, left);
    }
}
