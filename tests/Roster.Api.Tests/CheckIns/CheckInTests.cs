using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.CheckIns;

public sealed class CheckInTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private string _periodId = "";

    public async Task InitializeAsync()
    {
        var admin = await api.ClientAsync("admin");
        _periodId = await api.DemoPeriodIdAsync(admin);
        if ((await admin.GetAsync(new Uri($"/api/v1/periods/{_periodId}/units/{api.School1Id}/roster?version=published", UriKind.Relative))).StatusCode == HttpStatusCode.NotFound)
        {
            await RosterSteps.GenerateAsync(admin, _periodId, api.School1Id, seed: 11);
            await RosterSteps.PublishAsync(admin, _periodId, api.School1Id);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CheckIn_BeforeStart_IsOnTime_AfterStart_IsLate_AfterWindow_Is422()
    {
        var staff = await api.ClientAsync("staff");
        var duties = await MyDutiesAsync(staff);
        Assert.True(duties.Count >= 3, "the staff member has at least three duties in the demo period");

        api.Clock.Reset(Start(duties[0]) - Duration.FromMinutes(10));
        var onTime = await staff.PostAsJsonAsync(Url(), new { slotKey = Key(duties[0]) });
        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        Assert.False((await onTime.BodyAsync()).GetProperty("late").GetBoolean());

        var twice = await staff.PostAsJsonAsync(Url(), new { slotKey = Key(duties[0]) });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        api.Clock.Reset(Start(duties[1]) + Duration.FromMinutes(5));
        var late = await staff.PostAsJsonAsync(Url(), new { slotKey = Key(duties[1]) });
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.True((await late.BodyAsync()).GetProperty("late").GetBoolean());

        api.Clock.Reset(Start(duties[2]) + Duration.FromMinutes(20));
        var missed = await staff.PostAsJsonAsync(Url(), new { slotKey = Key(duties[2]) });
        Assert.Equal((HttpStatusCode)422, missed.StatusCode);
        Assert.Equal(["slotKey"], await missed.ErrorFieldsAsync());
        api.Clock.Reset(Start(duties[2]) - Duration.FromHours(2));
        var early = await staff.PostAsJsonAsync(Url(), new { slotKey = Key(duties[2]) });
        Assert.Equal((HttpStatusCode)422, early.StatusCode);

        var listed = (await (await api.ClientAsync("supervisor")).GetFromJsonAsync<JsonElement>(Url())).EnumerateArray()
            .Select(c => c.GetProperty("slotKey").GetString()).ToHashSet();
        Assert.Contains(Key(duties[0]), listed);
        Assert.Contains(Key(duties[1]), listed);
        Assert.DoesNotContain(Key(duties[2]), listed);
    }

    [Fact]
    public async Task CheckOut_WithHandoverNote_IsShownToTheNextPersonInTheRole()
    {
        var admin = await api.ClientAsync("admin");
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{_periodId}/units/{api.School1Id}/roster?version=published");
        var assignments = roster.GetProperty("assignments").EnumerateArray().ToList();
        var day = assignments.First(a => a.GetProperty("slotKey").GetString() == "2026-12-15/D/staff/0");
        var night = assignments.First(a => a.GetProperty("slotKey").GetString() == "2026-12-15/N/staff/0");
        var nightUser = "night-" + Guid.NewGuid().ToString("N")[..6];
        await api.CreateAccountAsync(nightUser, Guid.Parse(night.GetProperty("personId").GetString()!), api.School1Id, "staff");

        api.Clock.Reset(Start(day));
        var checkIn = await admin.PostAsJsonAsync(Url(), new { slotKey = "2026-12-15/D/staff/0" });
        Assert.Equal(HttpStatusCode.Created, checkIn.StatusCode);
        var checkInId = (await checkIn.BodyAsync()).Id();
        api.Clock.Reset(Start(night) - Duration.FromMinutes(1));
        var checkOut = await admin.PostAsJsonAsync($"/api/v1/check-ins/{checkInId}:check-out",
            new { handoverNote = "门卫室钥匙已交接 gate keys handed over" });
        Assert.Equal(HttpStatusCode.OK, checkOut.StatusCode);
        var again = await admin.PostAsJsonAsync($"/api/v1/check-ins/{checkInId}:check-out", new { handoverNote = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var nightClient = await api.ClientAsync(nightUser);
        var duties = await nightClient.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-15&to=2026-12-15");
        var duty = duties.EnumerateArray().Single(d => d.GetProperty("slotKey").GetString() == "2026-12-15/N/staff/0");
        Assert.Equal("门卫室钥匙已交接 gate keys handed over", duty.GetProperty("previousHandoverNote").GetString());
    }

    [Fact]
    public async Task CheckIn_SomeoneElsesSlot_AsStaff_Is403_FromAnotherSchool_Is404_AndNothingIsWritten()
    {
        var admin = await api.ClientAsync("admin");
        var staff = await api.ClientAsync("staff");
        var mine = (await MyDutiesAsync(staff)).Select(Key).ToHashSet();
        var roster = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{_periodId}/units/{api.School1Id}/roster?version=published");
        var other = roster.GetProperty("assignments").EnumerateArray().First(a => !mine.Contains(a.GetProperty("slotKey").GetString()!));
        api.Clock.Reset(Start(other));

        var forbidden = await staff.PostAsJsonAsync(Url(), new { slotKey = other.GetProperty("slotKey").GetString() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var hidden = await (await api.ClientAsync("admin2")).PostAsJsonAsync(Url(), new { slotKey = other.GetProperty("slotKey").GetString() });
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var unknown = await admin.PostAsJsonAsync(Url(), new { slotKey = "2030-01-01/D/staff/0" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var list = await admin.GetFromJsonAsync<JsonElement>(Url());
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("slotKey").GetString() == other.GetProperty("slotKey").GetString());
    }

    private string Url() => $"/api/v1/periods/{_periodId}/units/{api.School1Id}/check-ins";

    private static async Task<List<JsonElement>> MyDutiesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-01&to=2026-12-30")).EnumerateArray().ToList();

    private static string Key(JsonElement duty) => duty.GetProperty("slotKey").GetString()!;

    private static Instant Start(JsonElement duty) => InstantPattern.ExtendedIso.Parse(duty.GetProperty("start").GetString()!).Value;
}
