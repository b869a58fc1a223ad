using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace Roster.Api.Tests.Accounts;

/// <summary>Sign-in throttling shared by two API processes on one database.</summary>
public sealed class ThrottleTests(TwoProcessFixture api, ITestOutputHelper output) : IClassFixture<TwoProcessFixture>
{
    [Fact]
    public async Task ParallelBurstOf50WrongPasswords_AcrossTwoProcesses_IsEvaluatedAtMost5Times_AndTheOwnerStillSignsInElsewhere()
    {
        using var a = new HttpClient { BaseAddress = api.A.Address };
        using var b = new HttpClient { BaseAddress = api.B.Address };
        var burst = Enumerable.Range(0, 50).Select(i => SignInAsync(i % 2 == 0 ? a : b, "staff", $"guess-{i}", "198.51.100.7"));
        var answers = await Task.WhenAll(burst);
        var evaluated = answers.Count(s => s == HttpStatusCode.Unauthorized);
        var refused = answers.Count(s => s == HttpStatusCode.TooManyRequests);
        output.WriteLine($"burst of 50 over two processes: {evaluated} evaluated (401), {refused} refused (429)");
        Assert.Equal(50, evaluated + refused);
        Assert.InRange(evaluated, 1, 5);

        // The attacker's address stays locked even with the right password, on both processes...
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(a, "staff", TwoProcessFixture.Password, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(b, "staff", TwoProcessFixture.Password, "198.51.100.7"));
        // ...while the owner signs in from another address, on either process.
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(b, "staff", TwoProcessFixture.Password, "203.0.113.20"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(a, "staff", TwoProcessFixture.Password, "203.0.113.21"));
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string username, string password, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { username, password }),
        };
        request.Headers.Add("X-Forwarded-For", address);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
