using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.People;

public sealed class PeopleTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Create_PersonWithRolesTagsAndContacts_IsActiveWithThoseRoles()
    {
        var (_, created) = await CreateLinAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.BodyAsync();
        Assert.Equal(["staff", "gate-guard"], person.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.True(person.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Update_WithTheETag_ChangesEmploymentAndDeactivates()
    {
        var (admin, created) = await CreateLinAsync();
        var (updated, _) = await MakeContractAndInactiveAsync(admin, created);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.BodyAsync();
        Assert.Equal("contract", body.GetProperty("employmentType").GetString());
        Assert.False(body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task List_InactiveFilter_IncludesADeactivatedPerson()
    {
        var (admin, created) = await CreateLinAsync();
        var (_, id) = await MakeContractAndInactiveAsync(admin, created);
        var inactive = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?active=false");
        Assert.Contains(inactive.GetProperty("items").EnumerateArray(), p => p.Id() == id);
    }

    [Fact]
    public async Task List_ByRole_ReturnsOnlyQualifiedPeople()
    {
        var admin = await api.ClientAsync("admin");
        var leaders = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=leader");
        Assert.NotEmpty(leaders.GetProperty("items").EnumerateArray());
        Assert.All(leaders.GetProperty("items").EnumerateArray(),
            p => Assert.Contains("leader", p.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
    }

    [Fact]
    public async Task Leave_Recorded_ListedAndRemoved()
    {
        var admin = await api.ClientAsync("admin");
        var people = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people?role=staff");
        var personId = people.GetProperty("items")[0].Id();
        var created = await admin.PostAsJsonAsync($"/api/v1/people/{personId}/leaves",
            new { firstDay = "2027-01-03", lastDay = "2027-01-05", reason = "病假 sick leave" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var leave = await created.BodyAsync();
        Assert.Equal("approved", leave.GetProperty("status").GetString());

        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}/leaves");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), l => l.Id() == leave.Id());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/leaves/{leave.Id()}", created.Headers.ETag!.Tag)).StatusCode);
    }

    [Fact]
    public async Task Leave_EndingBeforeItStarts_Answers400NamingLastDay()
    {
        var admin = await api.ClientAsync("admin");
        var people = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School1Id}/people");
        var response = await admin.PostAsJsonAsync($"/api/v1/people/{people.GetProperty("items")[0].Id()}/leaves",
            new { firstDay = "2027-01-05", lastDay = "2027-01-03" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["lastDay"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Create_PersonWithFourBadFields_NamesEachOfThem()
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.PostAsJsonAsync($"/api/v1/units/{api.School1Id}/people", new
        {
            name = new string('x', 1_000_000), employmentType = "volunteer", roles = new[] { "Leader!" }, email = "not-an-email",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await response.ErrorFieldsAsync();
        Assert.Contains("name", fields);
        Assert.Contains("employmentType", fields);
        Assert.Contains("roles[0]", fields);
        Assert.Contains("email", fields);
    }

    /// <summary>Creates 林晓, formal staff and gate guard with a first-aid tag, phone and email, in School 1.</summary>
    private async Task<(HttpClient Admin, HttpResponseMessage Created)> CreateLinAsync()
    {
        var admin = await api.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync($"/api/v1/units/{api.School1Id}/people", new
        {
            name = "林晓", employmentType = "formal", roles = new[] { "staff", "gate-guard" }, tags = new[] { "first-aid" },
            phone = "+86 139 0000 0001", email = "lin@example.org",
        });
        return (admin, created);
    }

    /// <summary>Puts the created person back as contract staff, inactive, with the ETag of their creation.</summary>
    private static async Task<(HttpResponseMessage Updated, string Id)> MakeContractAndInactiveAsync(HttpClient admin, HttpResponseMessage created)
    {
        var id = (await created.BodyAsync()).Id();
        var updated = await admin.PutJsonAsync($"/api/v1/people/{id}", new
        {
            name = "林晓", employmentType = "contract", roles = new[] { "staff" }, active = false,
        }, created.Headers.ETag!.Tag);
        return (updated, id);
    }
}
