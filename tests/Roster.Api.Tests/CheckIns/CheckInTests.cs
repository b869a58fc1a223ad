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
    public async Task CheckIn_TenMinutesBeforeStart_IsOnTimeAndListed()
    {
        var (staff, duty) = await StaffDutyAsync(0);
        var onTime = await CheckInAsync(staff, duty, -Duration.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        Assert.False((await onTime.BodyAsync()).GetProperty("late").GetBoolean());
        Assert.Contains(Key(duty), await SupervisorListAsync());
    }

    [Fact]
    public async Task CheckIn_FiveMinutesAfterStart_IsLateAndListed()
    {
        var (staff, duty) = await StaffDutyAsync(1);
        var late = await CheckInAsync(staff, duty, Duration.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.True((await late.BodyAsync()).GetProperty("late").GetBoolean());
        Assert.Contains(Key(duty), await SupervisorListAsync());
    }

    [Fact]
    public async Task CheckIn_AfterTheWindow_Is422NamingSlotKeyAndIsNotListed()
    {
        var (staff, duty) = await StaffDutyAsync(2);
        var missed = await CheckInAsync(staff, duty, Duration.FromMinutes(20));
        Assert.Equal((HttpStatusCode)422, missed.StatusCode);
        Assert.Equal(["slotKey"], await missed.ErrorFieldsAsync());
        Assert.DoesNotContain(Key(duty), await SupervisorListAsync());
    }

    [Fact]
    public async Task CheckIn_TwoHoursBeforeStart_Is422()
    {
        var (staff, duty) = await StaffDutyAsync(2);
        Assert.Equal((HttpStatusCode)422, (await CheckInAsync(staff, duty, -Duration.FromHours(2))).StatusCode);
    }

    [Fact]
    public async Task CheckIn_SameDutyTwice_Is409()
    {
        var (staff, duty) = await StaffDutyAsync(3);
        Assert.Equal(HttpStatusCode.Created, (await CheckInAsync(staff, duty, -Duration.FromMinutes(10))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CheckInAsync(staff, duty, -Duration.FromMinutes(9))).StatusCode);
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
    public async Task CheckIn_SomeoneElsesSlotAsStaff_Is403AndWritesNothing()
    {
        var other = await SomeoneElsesSlotAsync();
        var forbidden = await (await api.ClientAsync("staff")).PostAsJsonAsync(Url(), new { slotKey = other });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain(other, await SupervisorListAsync());
    }

    [Fact]
    public async Task CheckIn_SlotFromAnotherSchool_Is404AndWritesNothing()
    {
        var other = await SomeoneElsesSlotAsync();
        var hidden = await (await api.ClientAsync("admin2")).PostAsJsonAsync(Url(), new { slotKey = other });
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(other, await SupervisorListAsync());
    }

    [Fact]
    public async Task CheckIn_UnknownSlot_Is400()
    {
        var unknown = await (await api.ClientAsync("admin")).PostAsJsonAsync(Url(), new { slotKey = "2030-01-01/D/staff/0" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    /// <summary>The staff member's <paramref name="index"/>th duty of the demo period (the 15th, which
    /// <see cref="CheckOut_WithHandoverNote_IsShownToTheNextPersonInTheRole"/> checks in, skipped).</summary>
    private async Task<(HttpClient Staff, JsonElement Duty)> StaffDutyAsync(int index)
    {
        var staff = await api.ClientAsync("staff");
        var duties = (await MyDutiesAsync(staff)).Where(d => !Key(d).StartsWith("2026-12-15", StringComparison.Ordinal)).ToList();
        Assert.True(duties.Count > index, $"the staff member has at least {index + 1} duties in the demo period");
        return (staff, duties[index]);
    }

    /// <summary>Checks in for <paramref name="duty"/> with the clock at its start plus <paramref name="offset"/>.</summary>
    private async Task<HttpResponseMessage> CheckInAsync(HttpClient staff, JsonElement duty, Duration offset)
    {
        api.Clock.Reset(Start(duty) + offset);
        return await staff.PostAsJsonAsync(Url(), new { slotKey = Key(duty) });
    }

    /// <summary>The slot keys of the period's check-ins, as a supervisor lists them.</summary>
    private async Task<HashSet<string?>> SupervisorListAsync() =>
        (await (await api.ClientAsync("supervisor")).GetFromJsonAsync<JsonElement>(Url())).EnumerateArray()
            .Select(c => c.GetProperty("slotKey").GetString()).ToHashSet();

    /// <summary>A published slot of School 1 that is not the staff member's, with the clock at its start.</summary>
    private async Task<string> SomeoneElsesSlotAsync()
    {
        var mine = (await MyDutiesAsync(await api.ClientAsync("staff"))).Select(Key).ToHashSet();
        var roster = await (await api.ClientAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/periods/{_periodId}/units/{api.School1Id}/roster?version=published");
        var other = roster.GetProperty("assignments").EnumerateArray().First(a => !mine.Contains(a.GetProperty("slotKey").GetString()!));
        api.Clock.Reset(Start(other));
        return other.GetProperty("slotKey").GetString()!;
    }

    private string Url() => $"/api/v1/periods/{_periodId}/units/{api.School1Id}/check-ins";

    private static async Task<List<JsonElement>> MyDutiesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-01&to=2026-12-30")).EnumerateArray().ToList();

    private static string Key(JsonElement duty) => duty.GetProperty("slotKey").GetString()!;

    private static Instant Start(JsonElement duty) => InstantPattern.ExtendedIso.Parse(duty.GetProperty("start").GetString()!).Value;
}
