using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Security;

/// <summary>An administrator of school 2 reaches for school 1's resources: every endpoint group answers 404 and changes nothing.</summary>
public sealed class OtherSchoolTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task EveryEndpointGroup_OtherSchoolsResources_Answer404AndNothingChanges()
    {
        var admin = await api.ClientAsync("admin");
        var s1 = api.School1Id;
        var personId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{s1}/people")).GetProperty("items")[0].Id();
        var leave = await admin.PostAsJsonAsync($"/api/v1/people/{personId}/leaves", new { firstDay = "2026-12-10", lastDay = "2026-12-11" });
        var leaveId = (await leave.BodyAsync()).Id();
        var period = await admin.PostAsJsonAsync("/api/v1/periods", new { unitId = s1, name = "校内", firstDay = "2026-12-01", lastDay = "2026-12-03" });
        var periodId = (await period.BodyAsync()).Id();
        var shift = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts",
            new { code = "D", name = "白班", startsAt = "08:00:00", length = "PT12H", headcount = new { staff = 1 } });
        var shiftId = (await shift.BodyAsync()).Id();
        var calendar = await admin.PostAsJsonAsync("/api/v1/calendars", new
        {
            unitId = s1, code = "s1-cal", name = "校历",
            document = new
            {
                id = "s1-cal", name = new Dictionary<string, string> { ["en"] = "S1" },
                years = new Dictionary<string, object> { ["2026"] = new { holidays = Array.Empty<object>(), makeUpWorkdays = Array.Empty<string>() } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, calendar.StatusCode);
        var calendarId = (await calendar.BodyAsync()).Id();
        var demoPeriodId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={s1}")).GetProperty("items")
            .EnumerateArray().First(p => p.GetProperty("unitId").GetString() == api.BureauId.ToString()).Id();
        var before = await AuditCountAsync();

        var other = await api.ClientAsync("admin2");
        var person = new { name = "入侵", roles = new[] { "staff" } };
        var leaveBody = new { firstDay = "2026-12-10", lastDay = "2026-12-12" };
        var periodBody = new { name = "x", firstDay = "2026-12-01", lastDay = "2026-12-02" };
        var shiftBody = new { code = "D", name = "x", startsAt = "08:00:00", length = "PT1H", headcount = new { staff = 1 } };
        var calls = new (string Name, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("get unit", () => other.GetAsync(Url($"/api/v1/units/{s1}"))),
            ("put unit", () => other.PutJsonAsync($"/api/v1/units/{s1}", new { code = "school-1", name = "改名" })),
            ("delete unit", () => other.DeleteAsync($"/api/v1/units/{s1}", null)),
            ("list people", () => other.GetAsync(Url($"/api/v1/units/{s1}/people"))),
            ("create person", () => other.PostAsJsonAsync($"/api/v1/units/{s1}/people", person)),
            ("get person", () => other.GetAsync(Url($"/api/v1/people/{personId}"))),
            ("put person", () => other.PutJsonAsync($"/api/v1/people/{personId}", person)),
            ("delete person", () => other.DeleteAsync($"/api/v1/people/{personId}", null)),
            ("list leave", () => other.GetAsync(Url($"/api/v1/people/{personId}/leaves"))),
            ("create leave", () => other.PostAsJsonAsync($"/api/v1/people/{personId}/leaves", leaveBody)),
            ("put leave", () => other.PutJsonAsync($"/api/v1/leaves/{leaveId}", leaveBody)),
            ("delete leave", () => other.DeleteAsync($"/api/v1/leaves/{leaveId}", null)),
            ("list periods of unit", () => other.GetAsync(Url($"/api/v1/periods?unit={s1}"))),
            ("get period", () => other.GetAsync(Url($"/api/v1/periods/{periodId}"))),
            ("put period", () => other.PutJsonAsync($"/api/v1/periods/{periodId}", periodBody)),
            ("delete period", () => other.DeleteAsync($"/api/v1/periods/{periodId}", null)),
            ("list shifts", () => other.GetAsync(Url($"/api/v1/periods/{periodId}/shifts"))),
            ("get shift", () => other.GetAsync(Url($"/api/v1/periods/{periodId}/shifts/{shiftId}"))),
            ("create shift", () => other.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts", shiftBody)),
            ("put shift", () => other.PutJsonAsync($"/api/v1/periods/{periodId}/shifts/{shiftId}", shiftBody)),
            ("delete shift", () => other.DeleteAsync($"/api/v1/periods/{periodId}/shifts/{shiftId}", null)),
            ("slots of other school", () => other.GetAsync(Url($"/api/v1/periods/{demoPeriodId}/units/{s1}/slots"))),
            ("get calendar", () => other.GetAsync(Url($"/api/v1/calendars/{calendarId}"))),
            ("calendar days", () => other.GetAsync(Url($"/api/v1/calendars/{calendarId}/days?from=2026-12-01&to=2026-12-02"))),
            ("put calendar", () => other.PutJsonAsync($"/api/v1/calendars/{calendarId}", new { code = "x", name = "x", document = new { } })),
            ("delete calendar", () => other.DeleteAsync($"/api/v1/calendars/{calendarId}", null)),
            ("audit of unit", () => other.GetAsync(Url($"/api/v1/audit?unit={s1}"))),
        };

        foreach (var (name, call) in calls)
        {
            var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await AuditCountAsync());
        var unit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{s1}");
        Assert.Equal("第一中学", unit.GetProperty("name").GetString());
        var listed = await other.GetFromJsonAsync<JsonElement>("/api/v1/calendars?limit=200");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), c => c.Id() == calendarId);
    }

    [Fact]
    public async Task CreateInOtherSchool_ByParentId_IsRefused()
    {
        var other = await api.ClientAsync("admin2");
        var response = await other.PostAsJsonAsync("/api/v1/units", new { parentId = api.School1Id, code = "sneaky", name = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var period = await other.PostAsJsonAsync("/api/v1/periods", new { unitId = api.School1Id, name = "x", firstDay = "2026-12-01", lastDay = "2026-12-02" });
        Assert.Equal(HttpStatusCode.BadRequest, period.StatusCode);
        Assert.Equal(["unitId"], await period.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Staff_CannotChangeTheirUnit()
    {
        var staff = await api.ClientAsync("staff");
        var personId = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people")).GetProperty("items")[0].Id();
        var response = await staff.PutJsonAsync($"/api/v1/people/{personId}", new { name = "改", roles = new[] { "leader" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(Url($"/api/v1/audit?unit={api.School1Id}"))).StatusCode);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private Task<long> AuditCountAsync() =>
        api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection, "SELECT count(*) FROM audit_log", transaction: w.Transaction));
}
