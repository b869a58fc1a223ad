using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Roster.Api.Tests.Accounts;
using Roster.Api.Tests.Imports;
using Roster.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Roster.Api.Tests.Setup;

/// <summary>
/// A bureau from nothing through the API alone: bootstrap, 12 schools from a units import, ~400 people (with accounts)
/// from a people import, one school's own rule, generation of the whole subtree, publish; then a new staff member signs
/// in with the one-time password from the account slips, must change it, and sees their duties.
/// </summary>
public sealed class BureauFromNothingJourneyTests(NoDemoFixture api, ITestOutputHelper output) : IClassFixture<NoDemoFixture>
{
    [Fact]
    public async Task Bootstrap_Import12SchoolsAnd408People_OwnRule_GenerateSubtree_Publish_NewStaffSignsIn()
    {
        var wall = Stopwatch.StartNew();
        var (exit, printed) = await api.BootstrapAsync("--bureau", "北区教育局", "--code", "north", "--username", "north-chief");
        Assert.Equal(0, exit);
        var first = await SignIn.TokenAsync(api.Factory.CreateClient(), "north-chief", NoDemoFixture.OneTimePasswordIn(printed));
        var chief = SignIn.With(api.Factory.CreateClient(),
            await SignIn.ChangePasswordAsync(SignIn.With(api.Factory.CreateClient(), first), NoDemoFixture.OneTimePasswordIn(printed), "北区-值班-2026-冬至"));
        var root = (await chief.GetFromJsonAsync<JsonElement>("/api/v1/units")).GetProperty("items")[0].Id();

        var schools = Enumerable.Range(1, 12).Select(i => new object?[] { $"school-{i:D2}", $"北区第{i}中学", $"North No. {i} School", "" }).ToList();
        var units = await chief.ImportAsync($"/api/v1/units/{root}/units:import?dryRun=false",
            ImportFiles.Xlsx(["单位代码路径 unit code path", "单位名称 name", "英文名称 English name", "时区 time zone"], schools), "units.xlsx");
        Assert.True(units.StatusCode == HttpStatusCode.OK, await units.Content.ReadAsStringAsync());
        Assert.Equal(12, (await units.BodyAsync()).GetProperty("created").GetInt32());

        // 34 people per school: 8 leaders and 26 staff; the first staff member of each school gets an account.
        var people = Enumerable.Range(0, 12 * 34).Select(n =>
        {
            var (school, i) = (n / 34 + 1, n % 34);
            return new object?[]
            {
                $"school-{school:D2}", $"教师{school}-{i}", $"N{school:D2}{i:D3}", $"138{n:D8}", "", i < 8 ? "带班领导" : "值班人员", "正式", "",
                i == 8 ? $"n{school:D2}.staff" : "",
            };
        }).ToList();
        var imported = await chief.ImportAsync($"/api/v1/units/{root}/people:import?dryRun=false", ImportFiles.Xlsx(ImportFiles.PeopleHeaders, people), "staff.xlsx");
        var importBody = await imported.BodyAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, importBody.GetRawText());
        Assert.Equal(408, importBody.GetProperty("created").GetInt32());
        Assert.Equal(12, importBody.GetProperty("accounts").GetProperty("created").GetInt32());
        var slips = ReadSlips(importBody.GetProperty("accounts").GetProperty("slipsXlsx").GetString()!);
        Assert.Equal(12, slips.Count);

        var period = await chief.PostAsJsonAsync("/api/v1/periods", new
        {
            unitId = root, name = "元旦值班", firstDay = "2026-12-01", lastDay = "2026-12-07", rosterUnits = new { mode = "leaves" },
        });
        Assert.Equal(HttpStatusCode.Created, period.StatusCode);
        var periodId = (await period.BodyAsync()).Id();
        foreach (var shift in new object[]
        {
            new { code = "L24", name = "24小时带班", startsAt = "08:00:00", length = "PT24H", headcount = new { leader = 1 } },
            new { code = "D", name = "白班", startsAt = "08:00:00", length = "PT12H", headcount = new { staff = 1 } },
            new { code = "N", name = "夜班", startsAt = "20:00:00", length = "PT12H", headcount = new { staff = 1 } },
        })
        {
            Assert.Equal(HttpStatusCode.Created, (await chief.PostAsJsonAsync($"/api/v1/periods/{periodId}/shifts", shift)).StatusCode);
        }

        var all = await chief.GetFromJsonAsync<JsonElement>("/api/v1/units?limit=200");
        var schoolIds = all.GetProperty("items").EnumerateArray().Where(u => u.GetProperty("parentId").GetString() == root)
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => Guid.Parse(u.Id()));
        var rule = await chief.PutJsonAsync($"/api/v1/periods/{periodId}/units/{schoolIds["school-01"]}/rules",
            new { rules = new object[] { new { type = "workload", maxShifts = 1 } } }, "\"0\"");
        Assert.True(rule.StatusCode == HttpStatusCode.OK, await rule.Content.ReadAsStringAsync());

        var started = await chief.PostAsJsonAsync($"/api/v1/periods/{periodId}/units/{root}/roster:generate",
            new { subtree = true, seconds = 30, seed = 7, iterations = 20_000 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        // One job per school that keeps a roster, under a parent job for the subtree (the bureau keeps none itself).
        var jobs = (await started.BodyAsync()).GetProperty("jobs").EnumerateArray().ToList();
        var unitJobs = jobs.Where(j => j.GetProperty("kind").GetString() == "unit").ToList();
        Assert.Equal(12, unitJobs.Count);
        Assert.DoesNotContain(unitJobs, j => j.GetProperty("unitId").GetString() == root);
        Assert.Single(jobs, j => j.GetProperty("kind").GetString() == "subtree");
        foreach (var job in jobs)
        {
            Assert.Equal("succeeded", (await RosterSteps.PollAsync(chief, job.Id())).GetProperty("status").GetString());
        }

        foreach (var school in schoolIds.Values)
        {
            await RosterSteps.PublishAsync(chief, periodId, school);
        }

        var roster = await chief.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{schoolIds["school-01"]}/roster");
        var loads = roster.GetProperty("assignments").EnumerateArray().GroupBy(a => a.GetProperty("personId").GetString()).Select(g => g.Count()).ToList();
        Assert.Equal(21, loads.Sum());
        Assert.All(loads, n => Assert.Equal(1, n));

        // A new staff member with duties signs in with the slip's one-time password, must change it, then sees them.
        JsonElement? duties = null;
        foreach (var (username, password) in slips)
        {
            var token = await SignIn.TokenAsync(api.Factory.CreateClient(), username, password);
            Assert.True(token.GetProperty("passwordChangeRequired").GetBoolean());
            var staff = SignIn.With(api.Factory.CreateClient(), token);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri("/api/v1/me/duties", UriKind.Relative))).StatusCode);
            staff = SignIn.With(api.Factory.CreateClient(), await SignIn.ChangePasswordAsync(staff, password, "梅花-夜班-0305-冬"));
            var mine = await staff.GetFromJsonAsync<JsonElement>("/api/v1/me/duties?from=2026-12-01&to=2026-12-07");
            if (mine.GetArrayLength() > 0)
            {
                duties = mine;
                break;
            }
        }

        Assert.NotNull(duties);
        Assert.All(duties.Value.EnumerateArray(), d => Assert.Equal("staff", d.GetProperty("role").GetString()));
        wall.Stop();
        output.WriteLine($"bureau from nothing to 12 published school rosters through the API: {wall.Elapsed.TotalSeconds:F1} s");
    }

    private static List<(string Username, string Password)> ReadSlips(string base64)
    {
        using var stream = new MemoryStream(Convert.FromBase64String(base64));
        return [.. MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => (r["登录账号 username"].ToString()!, r["一次性密码 one-time password"].ToString()!))];
    }
}
