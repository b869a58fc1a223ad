using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Tests.Submissions;

/// <summary>Periods of their own for oversight tests, declared on the bureau by a bureau administrator.</summary>
internal static class OversightPeriods
{
    public const string BureauAdmin = "bureau-admin";

    /// <summary>A bureau administrator (created on first use).</summary>
    public static async Task<HttpClient> BureauAdminAsync(ApiFixture api)
    {
        var exists = await api.WithWorkAsync(async w => await AccountStore.FindByUsernameAsync(w, BureauAdmin, CancellationToken.None) is not null);
        if (!exists)
        {
            await api.CreateAccountAsync(BureauAdmin, null, api.BureauId, GrantRoles.Admin);
        }

        return await api.ClientAsync(BureauAdmin);
    }

    /// <summary>
    /// A period on the bureau from <paramref name="first"/> to <paramref name="last"/> with a day shift D (08:00, 12 h) and a
    /// night shift N (20:00, 12 h), one staff member each; <paramref name="nightPresence"/> sets the night shift's per-role presence.
    /// </summary>
    public static async Task<string> CreateAsync(
        ApiFixture api, string name, bool requiresApproval, string? submissionDue = null, string first = "2026-12-02", string last = "2026-12-08",
        object? nightPresence = null)
    {
        var admin = await BureauAdminAsync(api);
        var period = await admin.PostAsJsonAsync("/api/v1/periods",
            new { unitId = api.BureauId, name, firstDay = first, lastDay = last, requiresApproval, submissionDue });
        Assert.True(period.StatusCode == HttpStatusCode.Created, await period.Content.ReadAsStringAsync());
        var periodId = (await period.BodyAsync()).Id();
        foreach (var (code, shiftName, starts) in new[] { ("D", "白班", "08:00:00"), ("N", "夜班", "20:00:00") })
        {
            var shift = await admin.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts",
                new { code, name = shiftName, startsAt = starts, length = "PT12H", headcount = new { staff = 1 }, presence = code == "N" ? nightPresence : null });
            Assert.True(shift.StatusCode == HttpStatusCode.Created, await shift.Content.ReadAsStringAsync());
        }

        return periodId;
    }
}
