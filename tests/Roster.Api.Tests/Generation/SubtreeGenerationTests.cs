using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.Generation;

/// <summary>A subtree request: one parent job over one unit job per unit, run by the API's own worker.</summary>
public sealed class SubtreeGenerationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Subtree_FansOutOneJobPerUnit_UnderAParentThatEndsWhenTheyDo()
    {
        await api.CreateAccountAsync("district-admin", null, api.BureauId, GrantRoles.Admin);
        var admin = await api.ClientAsync("district-admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var started = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{api.BureauId}/roster:generate",
            new { seconds = 30, seed = 3, iterations = 20_000, subtree = true });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobs = (await started.BodyAsync()).GetProperty("jobs").EnumerateArray().ToList();
        var parent = jobs[0];
        Assert.Equal("subtree", parent.GetProperty("kind").GetString());
        Assert.Equal(started.Headers.Location!.ToString(), $"/api/v1/roster-jobs/{parent.Id()}");
        var children = jobs.Skip(1).ToList();
        Assert.Equal(4, children.Count);
        Assert.All(children, c => Assert.Equal(parent.Id(), c.GetProperty("parentId").GetString()));
        Assert.Equal(4, children.Select(c => c.GetProperty("unitId").GetString()).Distinct().Count());

        var done = await RosterSteps.PollAsync(admin, parent.Id());
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(1, done.GetProperty("progress").GetDouble());
        var listed = done.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(4, listed.Count);
        Assert.All(listed, c =>
        {
            Assert.Equal("succeeded", c.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.String, c.GetProperty("versionId").ValueKind);
        });
        var roster = await admin.GetAsync(new Uri($"/api/v1/periods/{periodId}/units/{api.School2Id}/roster", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
    }
}
