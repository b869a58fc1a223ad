using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Npgsql;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.DutyOperations;

public sealed class DutyLogTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Note_WrittenOnDuty_Is201()
    {
        var (staff, url) = await OnDutyLogAsync();
        var entry = await staff.PostAsJsonAsync(url, new { body = "巡查一遍，一切正常 patrol done, all normal" });
        Assert.Equal(HttpStatusCode.Created, entry.StatusCode);
    }

    [Fact]
    public async Task Incident_WithoutCategory_Is400NamingCategory()
    {
        var (staff, url) = await OnDutyLogAsync();
        var noCategory = await staff.PostAsJsonAsync(url, new { kind = "incident", body = "x", severity = "high" });
        Assert.Equal(HttpStatusCode.BadRequest, noCategory.StatusCode);
        Assert.Equal(["category"], await noCategory.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Incident_WrittenOnDuty_IsDueForAcknowledgementIn20Minutes()
    {
        var (_, _, created) = await FileIncidentAsync();
        Assert.Equal((api.Clock.GetCurrentInstant() + Duration.FromMinutes(20)).ToString(), created.GetProperty("ackDueAt").GetString());
    }

    [Fact]
    public async Task Incident_WrittenOnDuty_IsOpenForSupervisors()
    {
        var (_, _, created) = await FileIncidentAsync();
        var open = await (await api.ClientAsync("supervisor")).GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=open");
        Assert.Contains(open.EnumerateArray(), i => i.Id() == created.Id());
    }

    [Fact]
    public async Task Incident_FollowUp_IsItsTimeline()
    {
        var (staff, url, created) = await FileIncidentAsync();
        var followUp = await staff.PostAsJsonAsync(url, new { kind = "follow_up", incidentId = created.Id(), body = "消防已到场 fire brigade arrived" });
        Assert.Equal(HttpStatusCode.Created, followUp.StatusCode);
        var detail = await (await api.ClientAsync("supervisor")).GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{created.Id()}");
        Assert.Single(detail.GetProperty("timeline").EnumerateArray());
    }

    [Fact]
    public async Task Incident_AcknowledgedBySchoolAdmin_Is403()
    {
        var (_, _, created) = await FileIncidentAsync();
        var adminAck = await (await api.ClientAsync("admin")).PostAsync(new Uri($"/api/v1/incidents/{created.Id()}:acknowledge", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, adminAck.StatusCode);
    }

    [Fact]
    public async Task Incident_AcknowledgedAfter25Minutes_IsRecordedLateAndNoLongerOpen()
    {
        var (_, _, created) = await FileIncidentAsync();
        var supervisor = await api.ClientAsync("supervisor");
        api.Clock.Advance(Duration.FromMinutes(25));
        var ack = await supervisor.PostAsJsonAsync($"/api/v1/incidents/{created.Id()}:acknowledge", new { note = "收到 received" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True((await ack.BodyAsync()).GetProperty("acknowledgedLate").GetBoolean());
        var stillOpen = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=open");
        Assert.DoesNotContain(stillOpen.EnumerateArray(), i => i.Id() == created.Id());
    }

    [Fact]
    public async Task Incident_AcknowledgedTwice_Is409()
    {
        var (_, _, created) = await FileIncidentAsync();
        var supervisor = await api.ClientAsync("supervisor");
        await supervisor.PostAsJsonAsync($"/api/v1/incidents/{created.Id()}:acknowledge", new { note = "收到 received" });
        var twice = await supervisor.PostAsync(new Uri($"/api/v1/incidents/{created.Id()}:acknowledge", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task Entries_AreNeverChanged_CorrectionsAreAppended()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 31);
        var admin = await api.ClientAsync("admin");
        var url = $"/api/v1/periods/{periodId}/units/{api.School1Id}/duty-log";
        var first = await (await admin.PostAsJsonAsync(url, new { body = "22:00 门已锁 gates locked" })).BodyAsync();
        var correction = await admin.PostAsJsonAsync(url, new { kind = "correction", correctsId = first.Id(), body = "应为 22:30 should read 22:30" });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);

        var change = await Assert.ThrowsAsync<PostgresException>(() => api.WithWorkAsync(w =>
            Dapper.SqlMapper.ExecuteAsync(w.Connection, "UPDATE duty_log_entries SET body = 'edited' WHERE id = @id", new { id = Guid.Parse(first.Id()) }, w.Transaction)));
        Assert.Equal(PostgresErrorCodes.RestrictViolation, change.SqlState);
        var log = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("correctsId").GetString() == first.Id());
    }

    [Fact]
    public async Task Writing_WhenNotOnDuty_Is403()
    {
        var url = await OffDutyLogUrlAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.ClientAsync("staff")).PostAsJsonAsync(url, new { body = "x" })).StatusCode);
    }

    [Fact]
    public async Task Writing_FromAnotherSchool_Is404()
    {
        var url = await OffDutyLogUrlAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.ClientAsync("admin2")).PostAsJsonAsync(url, new { body = "x" })).StatusCode);
    }

    /// <summary>The staff member and School 1's duty-log address, the clock an hour into their first December duty.</summary>
    private async Task<(HttpClient Staff, string Url)> OnDutyLogAsync()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 31);
        var staff = await api.ClientAsync("staff");
        var duty = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-02&to=2026-12-30")).EnumerateArray().First();
        api.Clock.Reset(PublishedRoster.Start(duty) + Duration.FromHours(1));
        return (staff, $"/api/v1/periods/{periodId}/units/{api.School1Id}/duty-log");
    }

    /// <summary>A high-severity fire incident written on duty (see <see cref="OnDutyLogAsync"/>), as created.</summary>
    private async Task<(HttpClient Staff, string Url, JsonElement Created)> FileIncidentAsync()
    {
        var (staff, url) = await OnDutyLogAsync();
        var incident = await staff.PostAsJsonAsync(url, new
        {
            kind = "incident", category = "fire", severity = "high", body = "食堂烟雾报警 canteen smoke alarm", actionsTaken = "已疏散 evacuated",
        });
        Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
        return (staff, url, await incident.BodyAsync());
    }

    /// <summary>School 1's duty-log address, the clock at a time the staff member is not on duty.</summary>
    private async Task<string> OffDutyLogUrlAsync()
    {
        var periodId = await PublishedRoster.EnsureAsync(api, 31);
        var staff = await api.ClientAsync("staff");
        var duties = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-01&to=2026-12-30")).EnumerateArray()
            .Select(PublishedRoster.Start).ToList();
        var free = Instant.FromUtc(2026, 12, 1, 0, 0);
        while (duties.Any(d => d - Duration.FromHours(1) <= free && free < d + Duration.FromHours(15)))
        {
            free += Duration.FromHours(6);
        }

        api.Clock.Reset(free);
        return $"/api/v1/periods/{periodId}/units/{api.School1Id}/duty-log";
    }
}
