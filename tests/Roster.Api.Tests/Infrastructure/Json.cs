using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>Small helpers to send and read JSON as a client would, without the server's types.</summary>
public static class Json
{
    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string url, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>The field names under <c>errors</c> of a problem details body.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var node = JsonNode.Parse(body)?["errors"]?.AsObject();
        return node is null ? [] : node.Select(p => p.Key).ToList();
    }

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;
}
