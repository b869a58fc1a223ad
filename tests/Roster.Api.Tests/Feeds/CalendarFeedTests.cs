using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Feeds;

public sealed class CalendarFeedTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task PersonFeed_AfterPublish_HasOneEventPerOwnDutyAtTheRightInstants()
    {
        var admin = await api.ClientAsync("admin");
        var roster = await PublishedRosters.PublishAsync(admin, await api.DemoPeriodIdAsync(admin), api.School1Id, seed: 5);
        var staff = await api.ClientAsync("staff");
        var personId = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("personId").GetString()!;

        var created = await staff.PostAsJsonAsync($"/api/v1/people/{personId}/calendar-tokens", new { label = "手机 phone" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.BodyAsync()).GetProperty("url").GetString()!;
        Assert.Matches("^/feeds/[A-Za-z0-9_-]{43}\\.ics$", url);

        var feed = await api.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var parsed = await IcsParser.ParseAsync(await feed.Content.ReadAsStringAsync());

        var expected = roster.GetProperty("assignments").EnumerateArray().Where(a => a.GetProperty("personId").GetString() == personId).ToList();
        Assert.NotEmpty(expected);
        AssertEventsMatch(expected, parsed);
        var tz = Assert.Single(parsed.GetProperty("timezones").EnumerateArray());
        Assert.Equal("Asia/Shanghai", tz.GetProperty("tzid").GetString());
        Assert.Contains("+0800", tz.GetProperty("offsets").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task UnitFeed_Supervisor_HasEveryPublishedAssignmentWithZoneAlarmAndLeader()
    {
        var admin = await api.ClientAsync("admin");
        var roster = await PublishedRosters.PublishAsync(admin, await api.DemoPeriodIdAsync(admin), api.School1Id, seed: 6);
        var supervisor = await api.ClientAsync("supervisor");
        var created = await supervisor.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.BodyAsync();
        Assert.Equal("unit", body.GetProperty("kind").GetString());

        var ics = await api.AnonymousClient().GetStringAsync(new Uri(body.GetProperty("url").GetString()!, UriKind.Relative));
        var parsed = await IcsParser.ParseAsync(ics);
        var assignments = roster.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(90, assignments.Count);
        AssertEventsMatch(assignments, parsed);

        var events = parsed.GetProperty("events").EnumerateArray().ToList();
        Assert.All(events, e => Assert.Equal("Asia/Shanghai", e.GetProperty("tzid").GetString()));
        Assert.All(events, e => Assert.Contains(e.GetProperty("alarms").EnumerateArray(),
            a => a.GetProperty("action").GetString() == "DISPLAY" && a.GetProperty("trigger").GetString() == "-PT1H"));
        var night = events.Single(e => e.GetProperty("uid").GetString()!.StartsWith("2026-12-10/N/staff/0@", StringComparison.Ordinal));
        Assert.StartsWith("值班 Duty: 夜班 Night shift (值班人员 staff on duty)", night.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var leader = assignments.Single(a => a.GetProperty("slotKey").GetString() == "2026-12-10/L24/leader/0").GetProperty("personName").GetString()!;
        Assert.Contains("第一中学", night.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(leader, night.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitFeed_InADstZone_KeepsRealInstantsAcrossTheChange()
    {
        var admin = await api.ClientAsync("admin");
        var unit = await (await admin.PostAsJsonAsync("/api/v1/units",
            new { parentId = api.School1Id, code = "ny", name = "纽约分校", nameEn = "New York campus", timeZone = "America/New_York" })).BodyAsync();
        var unitId = Guid.Parse(unit.Id());
        foreach (var name in new[] { "甲", "乙", "丙" })
        {
            await admin.PostAsJsonAsync($"/api/v1/units/{unitId}/people", new { name, roles = new[] { "leader" } });
        }

        var period = await (await admin.PostAsJsonAsync("/api/v1/periods",
            new { unitId, name = "换时 DST", firstDay = "2026-10-31", lastDay = "2026-11-02" })).BodyAsync();
        await admin.PostAsJsonAsync($"/api/v1/periods/{period.Id()}/shifts",
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } });
        var roster = await PublishedRosters.PublishAsync(admin, period.Id(), unitId, seed: 1);
        var token = await (await admin.PostAsync(new Uri($"/api/v1/units/{unitId}/calendar-tokens", UriKind.Relative), null)).BodyAsync();

        var parsed = await IcsParser.ParseAsync(await api.AnonymousClient().GetStringAsync(new Uri(token.GetProperty("url").GetString()!, UriKind.Relative)));
        AssertEventsMatch(roster.GetProperty("assignments").EnumerateArray().ToList(), parsed, unitId);
        // Clocks go back at 02:00 on 2026-11-01: the 24-hour duty from 08:00 on 10-31 to 08:00 on 11-01 lasts 25 h.
        var fallBack = parsed.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("uid").GetString()!.StartsWith("2026-10-31/", StringComparison.Ordinal));
        Assert.Equal(25 * 3600, fallBack.GetProperty("end").GetInt64() - fallBack.GetProperty("start").GetInt64());
        Assert.Equal("America/New_York", fallBack.GetProperty("tzid").GetString());
        var offsets = Assert.Single(parsed.GetProperty("timezones").EnumerateArray()).GetProperty("offsets").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Contains("-0400", offsets);
        Assert.Contains("-0500", offsets);
    }

    [Fact]
    public async Task CalendarToken_Created_ServesTheFeedAndStoresOnlyTheTokensHash()
    {
        var (_, created, url) = await CreateUnitTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var token = url["/feeds/".Length..^".ics".Length];
        var stored = await api.WithWorkAsync(w => Dapper.SqlMapper.QuerySingleAsync<byte[]>(w.Connection,
            "SELECT token_hash FROM calendar_tokens WHERE id = @id", new { id = Guid.Parse(created.Id()) }, w.Transaction));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token)), stored);
    }

    [Fact]
    public async Task CalendarToken_Revoked_FeedIs404AndTheListShowsItRevokedWithoutUrl()
    {
        var (admin, created, url) = await CreateUnitTokenAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/calendar-tokens/{created.Id()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/calendar-tokens");
        var listed = list.GetProperty("items").EnumerateArray().Single(t => t.Id() == created.Id());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("url").ValueKind);
    }

    [Theory]
    [InlineData("/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    [InlineData("/feeds/short.ics")]
    public async Task Feed_UnknownOrMalformedToken_Is404(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.AnonymousClient().GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CalendarTokens_ForAPersonOrUnitOfAnotherSchool_Are404()
    {
        var (_, self, _) = await StaffAndColleagueAsync();
        var other = await api.ClientAsync("admin2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(new Uri($"/api/v1/people/{self}/calendar-tokens", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task CalendarTokens_ForAColleagueOrTheUnitAsStaff_Are403()
    {
        var (staff, _, colleague) = await StaffAndColleagueAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync(new Uri($"/api/v1/people/{colleague}/calendar-tokens", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task CalendarToken_RevokedByAnotherSchoolsAdmin_Is404()
    {
        var (staff, self, _) = await StaffAndColleagueAsync();
        var mine = await (await staff.PostAsync(new Uri($"/api/v1/people/{self}/calendar-tokens", UriKind.Relative), null)).BodyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.ClientAsync("admin2")).DeleteAsync(new Uri($"/api/v1/calendar-tokens/{mine.Id()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CalendarToken_TheAdminMadeForAColleague_IsNotRevocableByStaff()
    {
        var (staff, _, colleague) = await StaffAndColleagueAsync();
        var byAdmin = await (await api.ClientAsync("admin")).PostAsync(new Uri($"/api/v1/people/{colleague}/calendar-tokens", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        var adminsToken = (await byAdmin.BodyAsync()).Id();
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.DeleteAsync(new Uri($"/api/v1/calendar-tokens/{adminsToken}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CalendarToken_LabelOver100Characters_Is400NamingLabel()
    {
        var (staff, self, _) = await StaffAndColleagueAsync();
        var tooLong = await staff.PostAsJsonAsync($"/api/v1/people/{self}/calendar-tokens", new { label = new string('x', 101) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["label"], await tooLong.ErrorFieldsAsync());
    }

    /// <summary>Every assignment has exactly one event with its UID (slot key @ unit), start and end instants.</summary>
    private void AssertEventsMatch(List<JsonElement> assignments, JsonElement parsed) => AssertEventsMatch(assignments, parsed, api.School1Id);

    private static void AssertEventsMatch(List<JsonElement> assignments, JsonElement parsed, Guid unitId)
    {
        var events = parsed.GetProperty("events").EnumerateArray()
            .ToDictionary(e => e.GetProperty("uid").GetString()!, e => (Start: e.GetProperty("start").GetInt64(), End: e.GetProperty("end").GetInt64()));
        Assert.Equal(assignments.Count, events.Count);
        foreach (var a in assignments)
        {
            var uid = $"{a.GetProperty("slotKey").GetString()}@{unitId}.roster";
            Assert.True(events.TryGetValue(uid, out var e), $"no event {uid}");
            Assert.Equal(a.GetProperty("start").GetDateTimeOffset().ToUnixTimeSeconds(), e.Start);
            Assert.Equal(a.GetProperty("end").GetDateTimeOffset().ToUnixTimeSeconds(), e.End);
        }
    }

    /// <summary>School 1's admin, a unit calendar token they created, and its feed address.</summary>
    private async Task<(HttpClient Admin, JsonElement Created, string Url)> CreateUnitTokenAsync()
    {
        var admin = await api.ClientAsync("admin");
        var created = await (await admin.PostAsync(new Uri($"/api/v1/units/{api.School1Id}/calendar-tokens", UriKind.Relative), null)).BodyAsync();
        return (admin, created, created.GetProperty("url").GetString()!);
    }

    /// <summary>The staff account, its person id, and another person of School 1.</summary>
    private async Task<(HttpClient Staff, string Self, string Colleague)> StaffAndColleagueAsync()
    {
        var staff = await api.ClientAsync("staff");
        var self = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("personId").GetString()!;
        var people = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?limit=200");
        return (staff, self, people.GetProperty("items").EnumerateArray().Select(p => p.Id()).First(id => id != self));
    }
}
