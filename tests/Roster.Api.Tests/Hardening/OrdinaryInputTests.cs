using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Hardening;

/// <summary>Ordinary but absurd input answers 400 naming the field, before any rights check and without writing.</summary>
public sealed class OrdinaryInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("admin2")]
    public async Task HugeDuration_InReminderSettings_Is400NamingTheField(string username)
    {
        var client = await api.ClientAsync(username);
        var response = await client.PutAsync(new Uri($"/api/v1/units/{api.School1Id}/reminder-settings", UriKind.Relative),
            Json.Raw("""{"offsets":["P99999999D"]}"""));
        await AssertBadAsync(response, "offsets[0]");
    }

    [Fact]
    public async Task SignIn_WithANulInTheUsername_Is400NamingIt()
    {
        var response = await api.AnonymousClient().PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative),
            Json.Raw("""{"username":"\u0000","password":"值班"}"""));
        await AssertBadAsync(response, "username");
    }

    [Fact]
    public async Task PersonName_WithANul_Is400NamingItAndStoresNothing()
    {
        var client = await api.ClientAsync("admin");
        var before = await RowCounts.OfAsync(api);
        var response = await client.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/people", UriKind.Relative),
            Json.Raw("""{"name":"张\u0000三","employmentType":"formal","roles":["staff"]}"""));
        await AssertBadAsync(response, "name");
        Assert.Equal(before["people"], (await RowCounts.OfAsync(api))["people"]);
    }

    [Theory]
    [InlineData("P99999999D")]
    [InlineData("PT9999999999999H")]
    [InlineData("P3661D")]
    public async Task HugeShiftLength_Is400NamingLength(string length)
    {
        var client = await api.ClientAsync("admin");
        var period = await client.PostAsJsonAsync("/api/v1/periods", new { unitId = api.School1Id, name = "长度", firstDay = "2026-12-01", lastDay = "2026-12-03" });
        var response = await client.PostAsync(new Uri($"/api/v1/periods/{(await period.BodyAsync()).Id()}/shifts", UriKind.Relative),
            Json.Raw($$$"""{"code":"X","name":"x","startsAt":"08:00:00","length":"{{{length}}}","headcount":{"staff":1}}"""));
        await AssertBadAsync(response, "length");
    }

    [Fact]
    public async Task GapCursor_WithOutOfRangeTicks_Is400NamingAfter()
    {
        var client = await api.ClientAsync("supervisor");
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{long.MaxValue}|{Guid.NewGuid()}"));
        await AssertBadAsync(await client.GetAsync(new Uri($"/api/v1/gaps?after={cursor}", UriKind.Relative)), "after");
    }

    [Theory]
    [InlineData("/api/v1/units?after={c}")]
    [InlineData("/api/v1/periods?after={c}")]
    [InlineData("/api/v1/units/{s1}/people?after={c}")]
    public async Task UndecodableCursor_Is400_NotASilentRestart(string url)
    {
        var client = await api.ClientAsync("admin");
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("not-a-cursor"));
        var response = await client.GetAsync(new Uri(url.Replace("{c}", cursor, StringComparison.Ordinal)
            .Replace("{s1}", api.School1Id.ToString(), StringComparison.Ordinal), UriKind.Relative));
        await AssertBadAsync(response, "after");
    }

    [Theory]
    [InlineData("2026-12-20", "9999-12-31", "lastDay")]
    [InlineData("0001-01-01", "2026-12-02", "firstDay")]
    public async Task Leave_WithADayFarOutsideTheCalendar_Is400NamingItAndStoresNothing(string firstDay, string lastDay, string field)
    {
        var client = await api.ClientAsync("admin");
        var person = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people")).GetProperty("items")[0].Id();
        var before = await LeaveCountAsync();
        var response = await client.PostAsync(new Uri($"/api/v1/people/{person}/leaves", UriKind.Relative),
            Json.Raw($$"""{"firstDay":"{{firstDay}}","lastDay":"{{lastDay}}","kind":"leave"}"""));
        await AssertBadAsync(response, field);
        Assert.Equal(before, await LeaveCountAsync());
    }

    [Fact]
    public async Task Deadline_InYear9999_Is400NamingIt()
    {
        var client = await api.ClientAsync("admin");
        var response = await client.PostAsync(new Uri("/api/v1/periods", UriKind.Relative), Json.Raw($$"""
            {"unitId":"{{api.School1Id}}","name":"远期","firstDay":"2026-12-01","lastDay":"2026-12-03","requiresApproval":true,"submissionDue":"9999-12-31T00:00:00Z"}
            """));
        await AssertBadAsync(response, "submissionDue");
    }

    private static async Task AssertBadAsync(HttpResponseMessage response, string field)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    private Task<long> LeaveCountAsync() => api.WithWorkAsync(w =>
        Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection, "SELECT count(*) FROM leaves", transaction: w.Transaction));
}
