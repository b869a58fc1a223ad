using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Accounts;

/// <summary>Signing in as a client does: a token from POST /auth/token, sent as a bearer token.</summary>
public static class SignIn
{
    public static async Task<JsonElement> TokenAsync(HttpClient anonymous, string username, string password)
    {
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{username}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.BodyAsync();
    }

    public static HttpClient With(HttpClient client, JsonElement token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Changes the password with the token's session; returns the new token.</summary>
    public static async Task<JsonElement> ChangePasswordAsync(HttpClient client, string current, string chosen)
    {
        var response = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = chosen });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.BodyAsync();
    }
}
