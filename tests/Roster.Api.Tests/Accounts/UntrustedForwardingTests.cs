using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Accounts;

/// <summary>With no trusted proxy configured, <c>X-Forwarded-For</c> cannot spread guesses over made-up addresses.</summary>
public sealed class UntrustedForwardingTests(ApiFixture api) : IClassFixture<ApiFixture>
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
}
