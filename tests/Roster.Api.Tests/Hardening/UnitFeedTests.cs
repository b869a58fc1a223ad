using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Roster.Api.Tests.Feeds;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.Hardening;

/// <summary>Feed addresses are credentials without a sign-in: no phones in unit feeds, an expiry, and no orphans.</summary>
public sealed class UnitFeedTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task UnitFeed_CarriesNoPhoneNumbers()
    {
        var admin = await api.ClientAsync("admin");
        await PublishedRosters.PublishAsync(admin, await api.DemoPeriodIdAsync(admin), api.School1Id, seed: 12);
        var url = (await (await admin.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null)).BodyAsync())
            .GetProperty("url").GetString()!;
        var ics = await api.AnonymousClient().GetStringAsync(new Uri(url, UriKind.Relative));
        var phones = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?limit=200")).GetProperty("items").EnumerateArray()
            .Select(p => p.TryGetProperty("phone", out var phone) ? phone.GetString() : null).Where(p => !string.IsNullOrEmpty(p)).ToList();
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.DoesNotContain(p!, ics, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_ExpiresAfterAYear_AndRenewingBringsItBack()
    {
        var admin = await api.ClientAsync("admin");
        var token = await (await admin.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null)).BodyAsync();
        var url = new Uri(token.GetProperty("url").GetString()!, UriKind.Relative);
        Assert.Equal(ApiFixture.Start + Duration.FromDays(365), NodaTime.Text.InstantPattern.ExtendedIso.Parse(token.GetProperty("expiresAt").GetString()!).Value);
        try
        {
            api.Clock.Reset(ApiFixture.Start + Duration.FromDays(366));
            Assert.Equal(HttpStatusCode.NotFound, (await api.AnonymousClient().GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/calendar-tokens/{token.Id()}:renew", UriKind.Relative), null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.AnonymousClient().GetAsync(url)).StatusCode);
        }
        finally
        {
            api.Clock.Reset(ApiFixture.Start);
        }
    }

    [Fact]
    public async Task PersonFeed_WhosePersonLeft_Is404AndTheUnitFeedStillServes()
    {
        var (_, feedAdmin, unitUrl) = await UnitFeedAsync();
        var person = (await feedAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?limit=200")).GetProperty("items")
            .EnumerateArray().Last().Id();
        var personUrl = (await (await feedAdmin.PostAsJsonAsync($"/api/v1/people/{person}/calendar-tokens", new { })).BodyAsync())
            .GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.AnonymousClient().GetAsync(new Uri(personUrl, UriKind.Relative))).StatusCode);
        await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteAsync(w.Connection,
            "UPDATE people SET active = false WHERE id = @id", new { id = Guid.Parse(person) }, w.Transaction));
        var anonymous = api.AnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(personUrl, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(unitUrl, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task UnitFeed_WhoseCreatorLostTheGrant_Is404()
    {
        var (username, _, unitUrl) = await UnitFeedAsync();
        await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteAsync(w.Connection,
            "DELETE FROM grants WHERE account_id = (SELECT id FROM accounts WHERE username = @username)", new { username }, w.Transaction));
        Assert.Equal(HttpStatusCode.NotFound, (await api.AnonymousClient().GetAsync(new Uri(unitUrl, UriKind.Relative))).StatusCode);
    }

    /// <summary>A new School 1 admin account and the unit feed it created, served: the account's name, its client and the feed's address.</summary>
    private async Task<(string Username, HttpClient FeedAdmin, string UnitUrl)> UnitFeedAsync()
    {
        var username = "feed-admin-" + Guid.NewGuid().ToString("N")[..6];
        await api.CreateAccountAsync(username, null, api.School1Id, GrantRoles.Admin);
        var feedAdmin = await api.ClientAsync(username);
        var unitUrl = (await (await feedAdmin.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null)).BodyAsync())
            .GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.AnonymousClient().GetAsync(new Uri(unitUrl, UriKind.Relative))).StatusCode);
        return (username, feedAdmin, unitUrl);
    }
}
