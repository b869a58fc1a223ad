using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Roster.Api.Tests.Infrastructure;
using Roster.Api.Tests.Inspections;
using Roster.Api.Tests.Submissions;
using Roster.Scheduler.Duty;

namespace Roster.Api.Tests.Hardening;

/// <summary>
/// Reads write nothing: with oversight flags due to be opened and one due to be closed, no subtree read inserts, updates or
/// deletes a row; the board and the inspection progress still answer as of the clock, and only the scan (the scheduler's
/// duty-watch job, or <c>POST /oversight:scan</c>) records the flags.
/// </summary>
public sealed class ReadsWriteNothingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task SubtreeReads_WithFlagsDueToOpenAndClose_WriteNoRow_AndAnswerAsOfTheClock()
    {
        api.Clock.Reset(ApiFixture.Start);
        var inspected = await InspectionSteps.PublishedPeriodAsync(api, "只读检查", 41);
        var supervisor = await api.ClientAsync("supervisor");
        var admin = await api.ClientAsync("admin");
        var requirementId = await InspectionSteps.FireSafetyAsync(supervisor, inspected);
        var fire = (await InspectionSteps.ScheduleAsync(admin, inspected, api.School1Id))
            .Where(t => t.GetProperty("requirementId").GetString() == requirementId).ToList();
        var submitted = await OversightPeriods.CreateAsync(api, "只读报备", requiresApproval: true, submissionDue: "2026-12-06T00:00:00Z");

        // 12-06 01:00 in Shanghai: both schools behind; the scan records it.
        api.Clock.Reset(Instant.FromUtc(2026, 12, 5, 17, 0));
        await OversightScans.RunAsync(api);
        Assert.Single(await InspectionSteps.FlagsAsync(admin, inspected, "inspections_behind"), f => f.GetProperty("subject").GetString() == requirementId);

        // Later: school 1 has done its inspections (its flag is due to close) and the submission deadline has passed unmet
        // (three flags are due to open). Only a scan may write either.
        api.Clock.Reset(Instant.FromUtc(2026, 12, 8, 12, 0));
        foreach (var task in fire)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/inspection-tasks/{task.Id()}:record", InspectionSteps.AllOk())).StatusCode);
        }

        var staff = await api.ClientAsync("staff");
        (string Name, HttpClient Client, string Path)[] reads =
        [
            ("coverage", supervisor, $"/api/v1/coverage?unit={api.BureauId}&from=2026-12-01&to=2026-12-31"),
            ("gaps", supervisor, $"/api/v1/gaps?unit={api.BureauId}&status=open"),
            ("submission board", supervisor, $"/api/v1/periods/{submitted}/submission-board"),
            ("inspection progress", supervisor, $"/api/v1/periods/{inspected}/inspection-progress"),
            ("oversight flags", supervisor, $"/api/v1/oversight-flags?period={inspected}&all=true"),
            ("oversight flags (all units)", admin, "/api/v1/oversight-flags"),
            ("on-duty", supervisor, $"/api/v1/on-duty?unit={api.BureauId}&at=2026-12-08T04:00:00Z"),
            ("coverage report", supervisor, $"/api/v1/coverage-report.xlsx?unit={api.BureauId}&from=2026-12-01&to=2026-12-31"),
            ("my duties", staff, "/api/v1/me/duties?from=2026-12-01&to=2026-12-31"),
            ("hazards", supervisor, $"/api/v1/hazards?period={inspected}&all=true"),
            ("incidents", supervisor, "/api/v1/incidents?status=all"),
            ("daily reports", admin, $"/api/v1/periods/{inspected}/units/{api.School1Id}/daily-reports"),
            ("check-ins", admin, $"/api/v1/periods/{inspected}/units/{api.School1Id}/check-ins"),
            ("duty log", admin, $"/api/v1/periods/{inspected}/units/{api.School1Id}/duty-log"),
        ];
        foreach (var (name, client, path) in reads)
        {
            var counts = await RowCounts.OfAsync(api);
            var fingerprint = await DatabaseFingerprint.OfAsync(api);
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var countsAfter = await RowCounts.OfAsync(api);
            var changed = counts.Where(c => countsAfter[c.Key] != c.Value).Select(c => $"{c.Key} {c.Value}→{countsAfter[c.Key]}").ToList();
            Assert.True(changed.Count == 0, $"{name} changed row counts: {string.Join(", ", changed)}");
            Assert.True(fingerprint == await DatabaseFingerprint.OfAsync(api), $"{name} inserted, updated or deleted a row");
        }

        var board = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{submitted}/submission-board");
        Assert.Equal(3, board.GetProperty("units").GetArrayLength());
        Assert.All(board.GetProperty("units").EnumerateArray(), u => Assert.Equal("2026-12-06T00:00:00Z", u.GetProperty("overdueSince").GetString()));
        var school1 = await InspectionSteps.ProgressAsync(supervisor, inspected, requirementId, api.School1Id);
        Assert.Equal(2, school1.GetProperty("done").GetInt64());
        Assert.False(school1.GetProperty("behind").GetBoolean());
        Assert.True((await InspectionSteps.ProgressAsync(supervisor, inspected, requirementId, api.School2Id)).GetProperty("behind").GetBoolean());
        Assert.Single(await InspectionSteps.FlagsAsync(admin, inspected, "inspections_behind"), f => f.GetProperty("subject").GetString() == requirementId);
        Assert.Empty(await InspectionSteps.FlagsAsync(supervisor, submitted, "submission_overdue"));

        // The scheduler's job records what the reads left alone: three flags opened and school 1's closed.
        var before = await DatabaseFingerprint.OfAsync(api);
        await new DutyWatchJob(api.Factory.Services.GetRequiredService<NpgsqlDataSource>(), api.Clock).Execute(null!, CancellationToken.None);
        Assert.NotEqual(before, await DatabaseFingerprint.OfAsync(api));
        Assert.Equal(3, (await InspectionSteps.FlagsAsync(supervisor, submitted, "submission_overdue")).Count);
        Assert.DoesNotContain(await InspectionSteps.FlagsAsync(admin, inspected, "inspections_behind"), f => f.GetProperty("subject").GetString() == requirementId);
        var closed = Assert.Single(await InspectionSteps.FlagsAsync(admin, inspected, "inspections_behind", all: true),
            f => f.GetProperty("subject").GetString() == requirementId);
        Assert.Equal("2026-12-08T12:00:00Z", closed.GetProperty("closedAt").GetString());
        board = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{submitted}/submission-board");
        Assert.All(board.GetProperty("units").EnumerateArray(), u => Assert.Equal("2026-12-06T00:00:00Z", u.GetProperty("overdueSince").GetString()));
    }
}
