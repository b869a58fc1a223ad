using Microsoft.Playwright;
using Roster.Api.Tests.Imports;
using Roster.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

/// <summary>The setup pages in zh-CN: units imported by file, a staff list whose dry run shows each error beside its row, a school's rule form.</summary>
public sealed class SetupJourneyTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private ApiFixture Api => web.Api;

    [Fact]
    public async Task BureauAdmin_ImportsUnitsAndStaff_SeesRowErrorsBeforeCommitting_SetsASchoolsRule()
    {
        await Api.CreateAccountAsync("bureau-admin-w", null, Api.BureauId, "admin");
        var page = await web.NewPageAsync();
        await page.SignInAsync("bureau-admin-w");
        await page.GetByTestId("tab-setup").ClickAsync();
        await Expect(page.GetByTestId("unit-tree")).ToContainTextAsync("school-1");

        var dir = Directory.CreateTempSubdirectory("setup-journey").FullName;
        var units = Path.Combine(dir, "units.xlsx");
        await File.WriteAllBytesAsync(units, ImportFiles.Xlsx(
            ["单位代码路径 unit code path", "单位名称 name", "英文名称 English name", "时区 time zone"],
            [["school-9", "第九中学", "No. 9 Middle School", ""], ["school-10", "第十中学", "", ""]]));
        var unitPanel = page.GetByTestId("units-import");
        await unitPanel.GetByTestId("units-import-file").SetInputFilesAsync(units);
        await unitPanel.GetByTestId("units-commit").ClickAsync();
        await Expect(unitPanel.GetByTestId("units-import-counts")).ToContainTextAsync("新增 2");

        var people = Path.Combine(dir, "people.xlsx");
        await File.WriteAllBytesAsync(people, ImportFiles.Xlsx(ImportFiles.PeopleHeaders,
        [
            ["school-1", "周一", "W1", "13800138001", "", "带班领导", "正式", "", ""],
            ["school-1", "周二", "W1", "13800138002", "", "值班人员", "正式", "", ""],
            ["school-99", "周三", "W3", "１３８００１３８００３", "", "值班人员", "合同工", "", ""],
        ]));
        var peoplePanel = page.GetByTestId("people-import");
        await peoplePanel.GetByTestId("people-import-file").SetInputFilesAsync(people);
        await peoplePanel.GetByTestId("people-dry-run").ClickAsync();
        await Expect(peoplePanel.GetByTestId("import-error-3-staffNumber")).ToContainTextAsync("与第2行重复");
        await Expect(peoplePanel.GetByTestId("import-error-4-unitPath")).ToContainTextAsync("未知单位代码");
        await Expect(peoplePanel.GetByTestId("people-import-verdict")).ToHaveTextAsync("有错误，请修改文件后重新上传。");
        await peoplePanel.ScrollIntoViewIfNeededAsync();
        await page.ShotAsync("setup-1-dry-run-row-errors");

        await File.WriteAllBytesAsync(people, ImportFiles.Xlsx(ImportFiles.PeopleHeaders,
        [
            ["school-1", "周一", "W1", "13800138001", "", "带班领导", "正式", "", ""],
            ["school-9", "周二", "W2", "１３８００１３８００２", "", "值班人员", "正式", "", ""],
        ]));
        await peoplePanel.GetByTestId("people-import-file").SetInputFilesAsync(people);
        await peoplePanel.GetByTestId("people-dry-run").ClickAsync();
        await Expect(peoplePanel.GetByTestId("people-import-verdict")).ToHaveTextAsync("检查通过，可以确认导入。");
        await Expect(peoplePanel.GetByTestId("import-row-3")).ToContainTextAsync("13800138002");
        await peoplePanel.GetByTestId("people-commit").ClickAsync();
        await Expect(peoplePanel.GetByTestId("people-import-verdict")).ToHaveTextAsync("已导入。");
        await Expect(peoplePanel.GetByTestId("people-import-counts")).ToContainTextAsync("新增 2");

        var rules = page.GetByTestId("unit-rules");
        await rules.GetByTestId("rules-unit").SelectOptionAsync(new SelectOptionValue { Label = "bureau/school-1 · 第一中学" });
        await rules.GetByTestId("rules-add").ClickAsync();
        await rules.GetByTestId("rule-0-maxShifts").FillAsync("-1");
        await rules.GetByTestId("rules-save").ClickAsync();
        await Expect(rules.GetByTestId("error-rules[0].maxShifts")).ToBeVisibleAsync();
        await page.ShotAsync("setup-2-rule-error-at-field");
        await rules.GetByTestId("rule-0-maxShifts").FillAsync("8");
        await rules.GetByTestId("rules-save").ClickAsync();
        await Expect(page.Locator("#toast")).ToContainTextAsync("规则已保存");
        var saved = await (await Api.ClientAsync("bureau-admin-w")).GetStringAsync(
            $"/api/v1/periods/{await Api.DemoPeriodIdAsync(await Api.ClientAsync("admin"))}/units/{Api.School1Id}/rules");
        Assert.Contains("\"maxShifts\":8", saved, StringComparison.Ordinal);
    }
}
