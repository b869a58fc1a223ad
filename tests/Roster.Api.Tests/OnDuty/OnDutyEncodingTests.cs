using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.OnDuty;

/// <summary>
/// The on-duty answer in Brotli and gzip is assembled from the board encoded once and the request's own instant: each
/// decodes (with the platform's decoders) to exactly the identity answer of the same instant, on a cached board too.
/// </summary>
public sealed class OnDutyEncodingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task EncodedAnswers_DecodeToTheIdentityAnswer_AtEachInstant()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 3);
        await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster");
        var start = InstantPattern.ExtendedIso.Parse(roster.GetProperty("assignments")[0].GetProperty("start").GetString()!).Value;
        var supervisor = await api.ClientAsync("supervisor");

        // Three instants inside one assignment (one cached board), then one without an instant (now).
        string?[] instants = [.. new[] { 1, 2, 3 }.Select(m => InstantPattern.ExtendedIso.Format(start + Duration.FromMinutes(m))), null];
        foreach (var at in instants)
        {
            var path = $"/api/v1/on-duty?unit={api.BureauId}" + (at is null ? "" : $"&at={Uri.EscapeDataString(at)}");
            var identity = await GetAsync(supervisor, path, null);
            Assert.Null(identity.Coding);
            var board = JsonDocument.Parse(identity.Body).RootElement;
            Assert.True(board.GetProperty("units").GetArrayLength() > 0);
            var instant = board.GetProperty("at").GetString();
            if (at is not null)
            {
                Assert.Equal(at, instant);
                Assert.Contains(board.GetProperty("units").EnumerateArray(), u => u.GetProperty("onDuty").GetArrayLength() > 0);
            }

            foreach (var coding in new[] { "br", "gzip" })
            {
                var encoded = await GetAsync(supervisor, path, coding);
                Assert.Equal(coding, encoded.Coding);
                Assert.True(encoded.Body.Length < identity.Body.Length, $"{coding}: {encoded.Body.Length} bytes for {identity.Body.Length}");
                var decoded = Decode(encoded.Body, coding);
                if (at is null)
                {
                    // "now" is the fake clock's instant: the same in both answers.
                    Assert.Equal(instant, JsonDocument.Parse(decoded).RootElement.GetProperty("at").GetString());
                }

                Assert.Equal(identity.Body, decoded);
            }
        }
    }

    private static async Task<(byte[] Body, string? Coding)> GetAsync(HttpClient client, string path, string? coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (coding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(coding);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        return (body, response.Content.Headers.ContentEncoding.SingleOrDefault());
    }

    private static byte[] Decode(byte[] body, string coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
