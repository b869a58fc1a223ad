using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Setup;

/// <summary>A school's own rules on top of the period's: ETag, validation naming rule and field, audit, rights, and the engine obeys them.</summary>
public sealed class UnitRulesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Put_ValidRules_AreVersionedAudited_AndTheValidatorAppliesThem()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/rules";
        var empty = await admin.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal("\"0\"", empty.Headers.ETag!.Tag);
        Assert.Equal(0, (await empty.BodyAsync()).GetProperty("rules").GetArrayLength());

        var bad = await admin.PutJsonAsync(url, new { rules = new object[] { new { type = "workload", maxShifts = -1 } } }, "\"0\"");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("rules[0].maxShifts", await bad.ErrorFieldsAsync());
        var unknown = await admin.PutJsonAsync(url, new { rules = new object[] { new { type = "noSuchRule" } } }, "\"0\"");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);

        // Nobody in the school may do more than 2 shifts in the period: the roster cannot be filled and says why.
        var put = await admin.PutJsonAsync(url, new { rules = new object[] { new { type = "workload", maxShifts = 2 } } }, "\"0\"");
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        Assert.Equal("\"1\"", put.Headers.ETag!.Tag);
        var stale = await admin.PutJsonAsync(url, new { rules = Array.Empty<object>() }, "\"0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?unit={api.School1Id}&entity=unit-rules");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "create");

        var job = await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 1, iterations: 20_000);
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster");
        var perPerson = roster.GetProperty("assignments").EnumerateArray()
            .GroupBy(a => a.GetProperty("personId").GetString()).Select(g => g.Count()).ToList();
        Assert.NotEmpty(perPerson);
        Assert.All(perPerson, n => Assert.True(n <= 2, $"{n} shifts for one person; the school allows 2"));
        Assert.NotNull(job.GetRawText());
    }

    [Fact]
    public async Task Rules_OfAnotherSchoolOrTheBureauForASchoolAdmin_Are404AndWriteNothing()
    {
        var before = await UnitRuleVersionsAsync();
        var admin2 = await api.ClientAsync("admin2");
        var periodId = await api.DemoPeriodIdAsync(await api.ClientAsync("admin"));
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/rules";
        Assert.Equal(HttpStatusCode.NotFound, (await admin2.PutJsonAsync(url, new { rules = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin2.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var bureauUrl = $"/api/v1/periods/{periodId}/units/{api.BureauId}/rules";
        Assert.Equal(HttpStatusCode.NotFound, (await admin2.PutJsonAsync(bureauUrl, new { rules = Array.Empty<object>() })).StatusCode);
        Assert.Equal(before, await UnitRuleVersionsAsync());
    }

    [Fact]
    public async Task Rules_PutByStaff_Is403AndWritesNothing()
    {
        var before = await UnitRuleVersionsAsync();
        var periodId = await api.DemoPeriodIdAsync(await api.ClientAsync("admin"));
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/rules";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.ClientAsync("staff")).PutJsonAsync(url, new { rules = Array.Empty<object>() })).StatusCode);
        Assert.Equal(before, await UnitRuleVersionsAsync());
    }

    private Task<long> UnitRuleVersionsAsync() => api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(
        w.Connection, "SELECT coalesce(sum(version), 0) FROM unit_rules", transaction: w.Transaction));
}
