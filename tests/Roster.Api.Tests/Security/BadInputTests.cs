using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Security;

/// <summary>Malformed and hostile input on every endpoint group: a 4xx problem naming the field, never a 500, nothing written.</summary>
public sealed class BadInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, string, string> Bodies => new()
    {
        // method, url template ({s1} = school 1, {p} = a person, {period} = the demo period), body, field at fault
        { "POST", "/api/v1/units", """{"parentId":"{s1}","code":"ok","name":12}""", "name" },
        { "POST", "/api/v1/units", """{"parentId":"{s1}","code":"ok","name":"x","timeZone":"Mars/Olympus"}""", "timeZone" },
        { "POST", "/api/v1/units", """{"parentId":"not-a-guid","code":"ok","name":"x"}""", "parentId" },
        { "POST", "/api/v1/units", """{"code":"ok","name":"x"}""", "parentId" },
        { "POST", "/api/v1/units", """{"parentId":"{s1}","code":"x'; DROP TABLE units;--","name":"x"}""", "code" },
        { "POST", "/api/v1/units/{s1}/people", """{"name":"x","roles":"staff"}""", "roles" },
        { "POST", "/api/v1/units/{s1}/people", """{"roles":["staff"]}""", "name" },
        { "POST", "/api/v1/units/{s1}/people", """{"name":"x","active":"yes"}""", "active" },
        { "POST", "/api/v1/people/{p}/leaves", """{"firstDay":"2026-13-01","lastDay":"2026-12-02"}""", "firstDay" },
        { "POST", "/api/v1/people/{p}/leaves", """{"firstDay":"2026-12-05","lastDay":"2026-12-02"}""", "lastDay" },
        { "POST", "/api/v1/people/{p}/leaves", """{"firstDay":"2026-12-01","lastDay":"2026-12-02","kind":"holiday"}""", "kind" },
        { "POST", "/api/v1/periods", """{"unitId":"{s1}","name":"x","firstDay":"2026-12-01"}""", "lastDay" },
        { "POST", "/api/v1/periods", """{"unitId":"{s1}","name":"x","firstDay":"2026-12-01","lastDay":"2029-12-01"}""", "lastDay" },
        { "POST", "/api/v1/periods", """{"unitId":"{s1}","name":"x","firstDay":"2026-12-01","lastDay":"2026-12-02","rules":{"type":"x"}}""", "rules" },
        { "POST", "/api/v1/periods", """{"unitId":"{s1}","name":"x","firstDay":"2026-12-01","lastDay":"2026-12-02","calendarId":"00000000-0000-0000-0000-000000000001"}""", "calendarId" },
        { "POST", "/api/v1/periods/{period}/shifts", """{"code":"X","name":"x","startsAt":"25:00:00","length":"PT8H","headcount":{"staff":1}}""", "startsAt" },
        { "POST", "/api/v1/periods/{period}/shifts", """{"code":"X","name":"x","startsAt":"08:00:00","length":"P1M","headcount":{"staff":1}}""", "length" },
        { "POST", "/api/v1/periods/{period}/shifts", """{"code":"X","name":"x","startsAt":"08:00:00","length":"PT8H","headcount":{"staff":-1}}""", "headcount.staff" },
        { "POST", "/api/v1/periods/{period}/shifts", """{"code":"X","name":"x","startsAt":"08:00:00","length":"PT8H","headcount":{"staff":1},"dayTypes":["sunday"]}""", "dayTypes" },
        { "POST", "/api/v1/calendars", """{"unitId":"{s1}","code":"c","name":"c","document":[]}""", "document" },
        { "POST", "/api/v1/auth/token", """{"username":["a"],"password":"b"}""", "username" },
        { "POST", "/api/v1/units", "{not json", "body" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Write_BadBody_Is4xxNamingTheFieldAndWritesNothing(string method, string url, string body, string field)
    {
        var (client, resolve) = await AdminAsync();
        var before = await CountsAsync();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), resolve(url)) { Content = Json.Raw(resolve(body)) });
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("/api/v1/units?limit=1000000000", "limit")]
    [InlineData("/api/v1/units?limit=0", "limit")]
    [InlineData("/api/v1/units?after=%%%", "after")]
    [InlineData("/api/v1/units/{s1}/people?limit=abc", "limit")]
    [InlineData("/api/v1/periods?limit=-1", "limit")]
    [InlineData("/api/v1/calendars?limit=201", "limit")]
    [InlineData("/api/v1/audit?limit=1000000000", "limit")]
    [InlineData("/api/v1/audit?after=bm90LWEtbnVtYmVy", "after")]
    [InlineData("/api/v1/people/{p}/leaves?limit=999999999999", "limit")]
    [InlineData("/api/v1/periods/{period}/shifts?limit=1e9", "limit")]
    [InlineData("/api/v1/periods/{period}/units/{s1}/slots?limit=1000000000", "limit")]
    [InlineData("/api/v1/periods/{period}/units/{s1}/slots?from=yesterday", "from")]
    [InlineData("/api/v1/units?parent=not-a-guid", "parent")]
    public async Task List_BadQuery_Answers400NamingTheParameter(string url, string field)
    {
        var (client, resolve) = await AdminAsync();
        var response = await client.GetAsync(new Uri(resolve(url), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("/api/v1/units/00000000-0000-0000-0000-000000000009")]
    [InlineData("/api/v1/people/00000000-0000-0000-0000-000000000009")]
    [InlineData("/api/v1/periods/00000000-0000-0000-0000-000000000009")]
    [InlineData("/api/v1/periods/00000000-0000-0000-0000-000000000009/shifts")]
    [InlineData("/api/v1/calendars/00000000-0000-0000-0000-000000000009")]
    [InlineData("/api/v1/people/00000000-0000-0000-0000-000000000009/leaves")]
    [InlineData("/api/v1/units/00000000-0000-0000-0000-000000000009/people")]
    public async Task Get_UnknownId_Answers404Problem(string url)
    {
        var (client, _) = await AdminAsync();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SqlMetacharactersInText_AreStoredVerbatim()
    {
        var (client, _) = await AdminAsync();
        const string Name = "Robert'); DROP TABLE people;-- 王";
        var created = await client.PostAsJsonAsync($"/api/v1/units/{api.School1Id}/people", new { name = Name, roles = new[] { "staff" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{(await created.BodyAsync()).Id()}");
        Assert.Equal(Name, read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task OneMegabyteString_Answers400NamingTheField()
    {
        var (client, _) = await AdminAsync();
        var response = await client.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code = "big", name = new string('字', 1_000_000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], await response.ErrorFieldsAsync());
    }

    private async Task<(HttpClient Client, Func<string, string> Resolve)> AdminAsync()
    {
        var client = await api.ClientAsync("admin");
        var person = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people")).GetProperty("items")[0].Id();
        var period = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<Guid>(
            w.Connection, "SELECT id FROM periods ORDER BY created_at LIMIT 1", transaction: w.Transaction));
        // The demo period belongs to the bureau; shift writes need a period school 1 administers.
        var own = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<Guid?>(
            w.Connection, "SELECT id FROM periods WHERE unit_id = @u LIMIT 1", new { u = api.School1Id }, w.Transaction));
        if (own is null)
        {
            var created = await client.PostAsJsonAsync("/api/v1/periods", new { unitId = api.School1Id, name = "校内", firstDay = "2026-12-01", lastDay = "2026-12-05" });
            own = Guid.Parse((await created.BodyAsync()).Id());
        }

        string Resolve(string s) => s.Replace("{s1}", api.School1Id.ToString(), StringComparison.Ordinal)
            .Replace("{p}", person, StringComparison.Ordinal)
            .Replace("{period}/units", period + "/units", StringComparison.Ordinal)
            .Replace("{period}", own.Value.ToString(), StringComparison.Ordinal);
        return (client, Resolve);
    }

    private Task<string> CountsAsync() => api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<string>(w.Connection, """
        SELECT concat_ws(',', (SELECT count(*) FROM units), (SELECT count(*) FROM people), (SELECT count(*) FROM leaves),
            (SELECT count(*) FROM periods), (SELECT count(*) FROM shifts), (SELECT count(*) FROM holiday_calendars),
            (SELECT count(*) FROM audit_log))
        """, transaction: w.Transaction))!;
}
