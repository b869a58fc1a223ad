using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Events;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Security;

/// <summary>
/// Cached reads (access snapshots, the on-duty board, coverage) never outlive a right: a grant revoked or a unit moved —
/// even by hand in the database, as another node or psql would — takes effect on the very next request; and a change
/// made elsewhere shows on a cached board within 2 s, one made through this node at once.
/// </summary>
public sealed class CachedReadRightsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task RevokedGrantAndMovedUnit_TakeEffectOnTheNextRequest()
    {
        await api.CreateAccountAsync("cache.watch", null, api.School1Id, "supervisor");
        var watch = await api.ClientAsync("cache.watch");
        var moved = await api.WithWorkAsync(w => w.Connection.ExecuteScalarAsync<Guid>(
            "INSERT INTO units (parent_id, code, name, created_at) VALUES (@p, 'cache-moved', 'cache-moved', now()) RETURNING id",
            new { p = api.School1Id }, w.Transaction));
        string[] reads =
        [
            "/api/v1/on-duty?unit={0}&at=2026-12-02T04:00:00Z",
            "/api/v1/coverage?unit={0}&from=2026-12-01&to=2026-12-07",
        ];
        foreach (var read in reads)
        {
            // Twice: the second answer comes from the caches.
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(watch, read, moved));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(watch, read, moved));
        }

        await api.WithWorkAsync(w => w.Connection.ExecuteAsync(
            "UPDATE units SET parent_id = @p WHERE id = @moved", new { p = api.School2Id, moved }, w.Transaction));
        foreach (var read in reads)
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(watch, read, moved));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(watch, read, api.School1Id));
        }

        await api.WithWorkAsync(w => w.Connection.ExecuteAsync("""
            UPDATE grants SET unit_id = @school2 WHERE account_id = (SELECT id FROM accounts WHERE username = 'cache.watch')
            """, new { school2 = api.School2Id }, w.Transaction));
        foreach (var read in reads)
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(watch, read, api.School1Id));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(watch, read, moved));
        }
    }

    [Fact]
    public async Task CachedBoard_ShowsAChangeFromElsewhereWithin2Seconds_AndOneThroughThisNodeAtOnce()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 7);
        await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster");
        var at = roster.GetProperty("assignments").EnumerateArray().First().GetProperty("start").GetString()!;
        var supervisor = await api.ClientAsync("supervisor");
        var board = $"/api/v1/on-duty?unit={api.BureauId}&at={Uri.EscapeDataString(at)}";
        var coverage = $"/api/v1/coverage?unit={api.BureauId}&from=2026-12-01&to=2026-12-07";
        Assert.Null(await DutyPhoneAsync(supervisor, board));
        _ = await UnitNameAsync(supervisor, coverage);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(
            $"/api/v1/units/{api.School1Id}/duty-phone", new { dutyPhone = "010-6000 0001" })).StatusCode);
        Assert.Equal("010-6000 0001", await DutyPhoneAsync(supervisor, board));

        // By hand, as another node would: the NOTIFY of the write drops this node's cached answers.
        await api.WithWorkAsync(w => w.Connection.ExecuteAsync(
            "UPDATE units SET duty_phone = '010-6000 0002', name = 'School one (renamed)' WHERE id = @id", new { id = api.School1Id }, w.Transaction));
        var clock = Stopwatch.StartNew();
        while (await DutyPhoneAsync(supervisor, board) != "010-6000 0002" || await UnitNameAsync(supervisor, coverage) != "School one (renamed)")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "a change made elsewhere did not show within 2 s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task CachedBoard_AtAnyInstant_ReadsAsAFreshBoard()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        await RosterSteps.GenerateAsync(admin, periodId, api.School1Id, seed: 11);
        await RosterSteps.PublishAsync(admin, periodId, api.School1Id);
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster");
        var first = roster.GetProperty("assignments").EnumerateArray().First();
        var start = InstantPattern.ExtendedIso.Parse(first.GetProperty("start").GetString()!).Value;
        var end = InstantPattern.ExtendedIso.Parse(first.GetProperty("end").GetString()!).Value;
        Instant[] instants =
        [
            start - Duration.FromMinutes(1), start, start + Duration.FromMinutes(1), end - Duration.FromMinutes(1), end,
            end + Duration.FromHours(5), end + Duration.FromHours(30),
        ];
        var supervisor = await api.ClientAsync("supervisor");
        var reads = api.Factory.Services.GetRequiredService<ReadGeneration>();
        foreach (var at in instants)
        {
            var path = $"/api/v1/on-duty?unit={api.BureauId}&at={Uri.EscapeDataString(InstantPattern.ExtendedIso.Format(at))}";
            var cached = await supervisor.GetStringAsync(new Uri(path, UriKind.Relative));
            reads.Bump();
            var fresh = await supervisor.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(fresh, cached);
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string read, Guid unit) =>
        (await client.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, read, unit), UriKind.Relative))).StatusCode;

    private async Task<string?> DutyPhoneAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("unitId").GetGuid() == api.School1Id).GetProperty("dutyPhone").GetString();

    private async Task<string?> UnitNameAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("unitId").GetGuid() == api.School1Id).GetProperty("unitName").GetString();
}
