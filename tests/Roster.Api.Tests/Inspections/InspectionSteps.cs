using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Submissions;

namespace Roster.Api.Tests.Inspections;

/// <summary>A period with school 1's roster published, and a fire-safety requirement to inspect it.</summary>
internal static class InspectionSteps
{
    public static readonly string[] Checklist = ["灭火器 extinguishers", "疏散通道 exits"];

    public static async Task<string> PublishedPeriodAsync(ApiFixture api, string name, int seed)
    {
        var periodId = await OversightPeriods.CreateAsync(api, name, requiresApproval: false);
        var admin = await api.ClientAsync("admin");
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed);
        await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        return periodId;
    }

    /// <summary>At least 2 fire-safety inspections per unit on 12-03 … 12-07, flagged from 2 days before the end.</summary>
    public static async Task<string> FireSafetyAsync(HttpClient supervisor, string periodId)
    {
        var created = await supervisor.PostAsJsonAsync($"/api/v1/periods/{periodId}/inspection-requirements", new
        {
            kind = "fire_safety", title = "消防安全专项检查", checklist = Checklist, minCount = 2, windowFirst = "2026-12-03", windowLast = "2026-12-07",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.BodyAsync()).Id();
    }

    public static async Task<List<JsonElement>> ScheduleAsync(HttpClient admin, string periodId, Guid unitId)
    {
        var scheduled = await admin.PostAsync(new Uri($"/api/v1/periods/{periodId}/units/{unitId}/inspections:schedule", UriKind.Relative), null);
        Assert.True(scheduled.StatusCode == HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        return (await scheduled.BodyAsync()).GetProperty("created").EnumerateArray().ToList();
    }

    public static object AllOk(string? hazardOn = null) => new
    {
        results = Checklist.Select(i => new { item = i, outcome = i == hazardOn ? "hazard" : "ok", note = i == hazardOn ? "灭火器过期 expired" : null }),
    };

    public static async Task<JsonElement> ProgressAsync(HttpClient client, string periodId, string requirementId, Guid unitId)
    {
        var progress = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/inspection-progress");
        return progress.EnumerateArray().Single(p => p.GetProperty("requirementId").GetString() == requirementId
            && p.GetProperty("unitId").GetString() == unitId.ToString());
    }

    public static async Task<List<JsonElement>> FlagsAsync(HttpClient client, string periodId, string kind, bool all = false) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/oversight-flags?period={periodId}&all={(all ? "true" : "false")}"))
            .EnumerateArray().Where(f => f.GetProperty("kind").GetString() == kind).ToList();
}
