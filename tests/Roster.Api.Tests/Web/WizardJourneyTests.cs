using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Roster.Api.Bootstrap;
using Roster.Api.Tests.Accounts;
using Roster.Api.Tests.Imports;
using Roster.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

/// <summary>
/// The first-run wizard in zh-CN from a freshly bootstrapped bureau (a second, independent root beside the demo) through
/// schools, the staff list, account slips, a critical period, shifts, a school's rule and the subtree's generation to publish.
/// </summary>
public sealed class WizardJourneyTests(BrowserFixture web, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Chosen = "南区-值班-2026-冬至";

    private ApiFixture Api => web.Api;

    [Fact]
    public async Task FreshBureau_WalksTheWizard_FromBootstrapToPublishedRosters()
    {
        var wall = Stopwatch.StartNew();
        using var printed = new StringWriter();
        Assert.Equal(0, await BootstrapCommand.RunAsync(Api.Factory.Services,
            ["--bureau", "南区教育局", "--code", "south", "--username", "south-chief", "--another-root"], printed, CancellationToken.None));
        var oneTime = NoDemoFixture.OneTimePasswordIn(printed.ToString());

        // First sign-in: the one-time password must be changed; then the wizard is offered, as the bureau has no period.
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("username").FillAsync("south-chief");
        await page.GetByTestId("password").FillAsync(oneTime);
        await page.GetByTestId("sign-in").Locator("button[type=submit]").ClickAsync();
        var change = page.GetByTestId("change-password");
        await change.GetByTestId("current-password").FillAsync(oneTime);
        await change.GetByTestId("new-password").FillAsync(Chosen);
        await change.GetByTestId("confirm-password").FillAsync(Chosen);
        await change.Locator("button[type=submit]").ClickAsync();
        var heading = page.GetByTestId("wizard-heading");
        await Expect(heading).ToHaveTextAsync("第 1 步，共 10 步 · 本单位", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("tab-wizard")).ToHaveTextAsync("设置向导");

        await page.GetByTestId("bureau-name-en").FillAsync("South District Education Bureau");
        await page.GetByTestId("wizard-bureau-form-submit").ClickAsync();
        await Expect(heading).ToHaveTextAsync("第 2 步，共 10 步 · 下级单位");
        await page.ShotAsync("wizard-1-schools-zh");

        // Schools: one by the form, two by a units import.
        var create = page.GetByTestId("unit-create-form");
        await create.GetByTestId("new-unit-code").FillAsync("school-a");
        await create.GetByTestId("new-unit-name").FillAsync("南区第一中学");
        await create.GetByTestId("unit-create-form-submit").ClickAsync();
        await Expect(page.GetByTestId("wizard-children")).ToHaveTextAsync("下级单位：1 个");
        var dir = Directory.CreateTempSubdirectory("wizard-journey").FullName;
        var units = Path.Combine(dir, "units.xlsx");
        await File.WriteAllBytesAsync(units, ImportFiles.Xlsx(
            ["单位代码路径 unit code path", "单位名称 name", "英文名称 English name", "时区 time zone"],
            [["school-b", "南区第二中学", "", ""], ["school-c", "南区第三中学", "", ""]]));
        await page.GetByTestId("units-import-file").SetInputFilesAsync(units);
        await page.GetByTestId("units-commit").ClickAsync();
        await Expect(page.GetByTestId("wizard-children")).ToHaveTextAsync("下级单位：3 个");
        await Expect(page.GetByTestId("unit-tree")).ToContainTextAsync("south/school-c");
        await page.GetByTestId("wizard-next").ClickAsync();

        // People: the dry run shows each error beside its row, and nothing is written until the corrected file is imported.
        await Expect(heading).ToHaveTextAsync("第 3 步，共 10 步 · 人员");
        var people = Path.Combine(dir, "people.xlsx");
        await File.WriteAllBytesAsync(people, ImportFiles.Xlsx(ImportFiles.PeopleHeaders,
        [
            ["school-a", "陈一", "S001", "13900000001", "", "带班领导", "正式", "", ""],
            ["school-a", "陈二", "S001", "13900000002", "", "值班人员", "正式", "", ""],
            ["school-z", "陈三", "S003", "13900000003", "", "值班人员", "正式", "", ""],
        ]));
        await page.GetByTestId("people-import-file").SetInputFilesAsync(people);
        await page.GetByTestId("people-dry-run").ClickAsync();
        await Expect(page.GetByTestId("import-error-3-staffNumber")).ToContainTextAsync("与第2行重复");
        await Expect(page.GetByTestId("import-error-4-unitPath")).ToContainTextAsync("未知单位代码");
        await Expect(page.GetByTestId("people-import-verdict")).ToHaveTextAsync("有错误，请修改文件后重新上传。");
        await page.ShotAsync("wizard-2-people-dry-run-errors-zh");

        var staff = new List<object?[]>();
        foreach (var school in new[] { "a", "b", "c" })
        {
            for (var i = 0; i < 9; i++)
            {
                staff.Add([$"school-{school}", $"{school.ToUpperInvariant()}老师{i}", $"S{school}{i:D2}", $"1390000{school[0] % 10}{i:D3}", "",
                    i < 3 ? "带班领导" : "值班人员", "正式", "", school == "a" && i == 3 ? "south.a3" : ""]);
            }
        }

        await File.WriteAllBytesAsync(people, ImportFiles.Xlsx(ImportFiles.PeopleHeaders, staff));
        await page.GetByTestId("people-import-file").SetInputFilesAsync(people);
        await page.GetByTestId("people-dry-run").ClickAsync();
        await Expect(page.GetByTestId("people-import-verdict")).ToHaveTextAsync("检查通过，可以确认导入。");
        await page.GetByTestId("people-commit").ClickAsync();
        await Expect(page.GetByTestId("people-import-verdict")).ToHaveTextAsync("已导入。");
        await Expect(page.GetByTestId("people-import-counts")).ToContainTextAsync("新增 27");
        await page.GetByTestId("wizard-next").ClickAsync();

        // Accounts: the slips of the accounts the import created, to download and hand out.
        await Expect(heading).ToHaveTextAsync("第 4 步，共 10 步 · 账号");
        await Expect(page.GetByTestId("wizard-accounts")).ToContainTextAsync("south.a3");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("wizard-slips").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.ShotAsync("wizard-3-account-slips-zh");
        await page.GetByTestId("wizard-next").ClickAsync();

        // Critical period: an error lands at its field; the schools (leaves) keep the roster.
        await Expect(heading).ToHaveTextAsync("第 5 步，共 10 步 · 重要时期");
        var period = page.GetByTestId("period-form");
        await period.GetByTestId("period-name").FillAsync("元旦值班");
        await period.GetByTestId("period-first-day").FillAsync("2026-12-12");
        await period.GetByTestId("period-last-day").FillAsync("2026-12-10");
        await Expect(period.GetByTestId("period-mode")).ToHaveValueAsync("leaves");
        await period.GetByTestId("period-form-submit").ClickAsync();
        await Expect(period.GetByTestId("error-lastDay")).ToHaveTextAsync("输入有误: 不能早于第一天");
        await Expect(period.Locator(".form-error")).ToContainTextAsync("请改正标出的 1 处错误。");
        await page.ShotAsync("wizard-4-period-field-error-zh");
        await period.GetByTestId("period-first-day").FillAsync("2026-12-30");
        await period.GetByTestId("period-last-day").FillAsync("2027-01-01");
        await period.GetByTestId("period-form-submit").ClickAsync();

        // The period reaches 2027, whose holidays are not loaded: the step stays, with the form to load that year.
        await Expect(page.GetByTestId("period-warning-holidays-not-loaded")).ToContainTextAsync("2027年节假日未加载");
        var year = page.GetByTestId("calendar-year-form");
        await year.GetByTestId("calendar-year").FillAsync("2027");
        await year.GetByTestId("calendar-holidays").FillAsync("元旦, 2027-01-01, 2027-01-03");
        await year.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#toast")).ToContainTextAsync("已载入 2027 年节假日");
        await page.ShotAsync("wizard-4b-holidays-loaded-zh");
        await page.GetByTestId("period-form").GetByTestId("period-form-submit").ClickAsync();

        // Shifts by day type, with standby; the wizard resumes at the step it was on after a reload.
        await Expect(heading).ToHaveTextAsync("第 6 步，共 10 步 · 班次");
        await page.ReloadAsync();
        await Expect(heading).ToHaveTextAsync("第 6 步，共 10 步 · 班次");
        await AddShiftAsync(page, "L24", "24小时带班", "08:00", "24", leader: 1, staff: 0, standbyStaff: 0);
        await AddShiftAsync(page, "D", "白班", "08:00", "12", leader: 0, staff: 1, standbyStaff: 1);
        await AddShiftAsync(page, "N", "夜班", "20:00", "12", leader: 0, staff: 1, standbyStaff: 0);
        await Expect(page.GetByTestId("shift-D-standby")).ToHaveTextAsync("值班人员 1");
        await Expect(page.GetByTestId("shift-list").Locator("tbody tr")).ToHaveCountAsync(3);
        await page.ShotAsync("wizard-5-shifts-standby-zh");
        await page.GetByTestId("wizard-next").ClickAsync();

        // Rules: school A's own rule, an error at its field first.
        await Expect(heading).ToHaveTextAsync("第 7 步，共 10 步 · 规则");
        var rules = page.GetByTestId("unit-rules");
        await rules.GetByTestId("rules-unit").SelectOptionAsync(new SelectOptionValue { Label = "south/school-a · 南区第一中学" });
        await Expect(rules.GetByTestId("rules-period")).ToContainTextAsync("元旦值班");
        await rules.GetByTestId("rules-add").ClickAsync();
        await rules.GetByTestId("rule-0-maxShifts").FillAsync("-1");
        await rules.GetByTestId("rules-save").ClickAsync();
        await Expect(rules.GetByTestId("error-rules[0].maxShifts")).ToBeVisibleAsync();
        await rules.GetByTestId("rule-0-maxShifts").FillAsync("2");
        await rules.GetByTestId("rules-save").ClickAsync();
        await Expect(page.Locator("#toast")).ToContainTextAsync("规则已保存");
        await page.GetByTestId("wizard-next").ClickAsync();

        // Generate the whole subtree: one job per school, each with its progress.
        await Expect(heading).ToHaveTextAsync("第 8 步，共 10 步 · 生成排班");
        await page.GetByTestId("wizard-generate-start").ClickAsync();
        await Expect(page.GetByTestId("wizard-generate-summary")).ToHaveTextAsync("全部生成完毕", new() { Timeout = 90_000 });
        await Expect(page.GetByTestId("wizard-jobs").Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("wizard-jobs").Locator("tr[data-status=succeeded]")).ToHaveCountAsync(3);
        await page.ShotAsync("wizard-6-generated-zh");
        await page.GetByTestId("wizard-next").ClickAsync();

        await Expect(heading).ToHaveTextAsync("第 9 步，共 10 步 · 检查");
        var review = page.GetByTestId("wizard-review");
        await Expect(review.GetByTestId("wizard-roster-status")).ToHaveTextAsync(["草稿", "草稿", "草稿"]);
        await Expect(review).ToContainTextAsync("南区第二中学");
        await page.GetByTestId("wizard-next").ClickAsync();

        await Expect(heading).ToHaveTextAsync("第 10 步，共 10 步 · 发布");
        await page.GetByTestId("wizard-publish-all").ClickAsync();
        await Expect(page.GetByTestId("wizard-finished")).ToHaveTextAsync("设置完成！排班已发布。");
        await Expect(page.GetByTestId("wizard-review").GetByTestId("wizard-roster-status")).ToHaveTextAsync(["已发布", "已发布", "已发布"]);
        await page.ShotAsync("wizard-7-published-zh");
        wall.Stop();

        // What the page showed is what the API holds: three published school rosters with school A's rule kept.
        var chief = SignIn.With(Api.Factory.CreateClient(), await SignIn.TokenAsync(Api.Factory.CreateClient(), "south-chief", Chosen));
        var all = await chief.GetFromJsonAsync<JsonElement>("/api/v1/units?limit=200");
        var schools = all.GetProperty("items").EnumerateArray().Where(u => u.GetProperty("code").GetString()!.StartsWith("school-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, schools.Count);
        var periodId = (await chief.GetFromJsonAsync<JsonElement>("/api/v1/periods")).GetProperty("items")[0].GetProperty("id").GetString();
        foreach (var school in schools)
        {
            var roster = await chief.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}/units/{school.GetProperty("id").GetString()}/roster");
            Assert.Equal("published", roster.GetProperty("status").GetString());
            Assert.NotEqual(0, roster.GetProperty("assignments").GetArrayLength());
        }

        output.WriteLine($"wizard journey from bootstrap to 3 published school rosters: {wall.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task AddShiftAsync(IPage page, string code, string name, string startsAt, string hours, int leader, int staff, int standbyStaff)
    {
        var form = page.GetByTestId("shifts-editor").GetByTestId("shift-form").Last;
        await form.GetByTestId("shift-code").FillAsync(code);
        await form.GetByTestId("shift-name").FillAsync(name);
        await form.GetByTestId("shift-starts-at").FillAsync(startsAt);
        await form.GetByTestId("shift-hours").FillAsync(hours);
        await form.GetByTestId("shift-headcount-leader").FillAsync(leader.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByTestId("shift-headcount-staff").FillAsync(staff.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByTestId("shift-standby-staff").FillAsync(standbyStaff.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByTestId("shift-form-submit").ClickAsync();
        await Expect(page.GetByTestId($"shift-{code}")).ToBeVisibleAsync();
    }
}
