using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Roster.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Roster.Api.Tests.Web;

/// <summary>
/// The setup page's edit forms in English: a unit created, renamed, moved and deactivated; a person edited and deactivated;
/// a period's fields; a unit's duty settings (standby steps in); a shift's standby; a year of holidays; each error at its field.
/// </summary>
public sealed class SetupEditJourneyTests(BrowserFixture web) : IClassFixture<BrowserFixture>
{
    private ApiFixture Api => web.Api;

    [Fact]
    public async Task BureauAdmin_EditsUnitsPeoplePeriodsShiftsAndCalendars_ErrorsAtTheirFields()
    {
        await Api.CreateAccountAsync("bureau-admin-e", null, Api.BureauId, "admin");
        var client = await Api.ClientAsync("bureau-admin-e");
        var page = await web.NewPageAsync();
        await page.SignInAsync("bureau-admin-e");
        await page.GetByTestId("lang-switch").ClickAsync();
        await page.GotoAsync("/#setup");
        await Expect(page.GetByTestId("unit-tree")).ToContainTextAsync("bureau/school-1", new() { Timeout = 30_000 });

        // A unit: created under school 1 (a bad code first), then renamed, moved to school 2 and deactivated.
        var create = page.GetByTestId("unit-create-form");
        await create.GetByTestId("new-unit-parent").SelectOptionAsync(new SelectOptionValue { Label = "bureau/school-1 · 第一中学" });
        await create.GetByTestId("new-unit-code").FillAsync("annex east");
        await create.GetByTestId("new-unit-name").FillAsync("东校区");
        await create.GetByTestId("unit-create-form-submit").ClickAsync();
        await Expect(create.GetByTestId("error-code")).ToContainTextAsync("may contain only letters, digits");
        await create.GetByTestId("new-unit-code").FillAsync("annex");
        await create.GetByTestId("unit-create-form-submit").ClickAsync();
        await Expect(page.GetByTestId("unit-annex")).ToContainTextAsync("bureau/school-1/annex");
        await page.GetByTestId("unit-search").FillAsync("annex");
        await Expect(page.GetByTestId("unit-tree").Locator("tbody tr")).ToHaveCountAsync(1);
        await page.GetByTestId("edit-unit-annex").ClickAsync();
        var edit = page.GetByTestId("unit-edit-form");
        await edit.GetByTestId("unit-name").FillAsync("东校区（新）");
        await edit.GetByTestId("unit-parent").SelectOptionAsync(new SelectOptionValue { Label = "bureau/school-2 · 实验小学" });
        await edit.GetByTestId("unit-active").UncheckAsync();
        await edit.GetByTestId("unit-edit-form-submit").ClickAsync();
        await Expect(page.GetByTestId("unit-annex")).ToContainTextAsync("bureau/school-2/annex");
        await Expect(page.GetByTestId("unit-annex")).ToContainTextAsync("Deactivated");
        await page.ShotAsync("setup-edit-1-unit-moved-en");

        // A person: a bad phone is refused at its field, then the person is deactivated.
        var people = page.GetByTestId("people-panel");
        await people.GetByTestId("people-unit").SelectOptionAsync(new SelectOptionValue { Label = "bureau/school-2 · 实验小学" });
        await Expect(people.Locator($"[data-testid=people-list][data-unit='{Api.School2Id}']")).ToBeVisibleAsync();
        await people.GetByTestId("edit-person").First.ClickAsync();
        var person = people.GetByTestId("person-form");
        await person.GetByTestId("person-phone").FillAsync("call me");
        await person.Locator("button[type=submit]").ClickAsync();
        await Expect(person.GetByTestId("error-phone")).ToContainTextAsync("may contain only digits");
        await person.GetByTestId("person-phone").FillAsync("13900000999");
        await person.GetByTestId("person-active").UncheckAsync();
        await person.Locator("button[type=submit]").ClickAsync();
        await Expect(people.GetByTestId("people-list")).ToContainTextAsync("· Deactivated");
        await Expect(people.GetByTestId("people-list")).ToContainTextAsync("13900000999");

        // The demo period: a bad acknowledgement time, then a good one.
        var periods = page.GetByTestId("periods-panel");
        var periodId = await Api.DemoPeriodIdAsync(client);
        await periods.GetByTestId("period-pick").SelectOptionAsync(periodId);
        var period = periods.Locator($"[data-testid=period-form][data-period='{periodId}']");
        await period.GetByTestId("period-ack").FillAsync("0");
        await period.GetByTestId("period-form-submit").ClickAsync();
        await Expect(period.GetByTestId("error-incidentAckMinutes")).ToContainTextAsync("must be from 1 to 1440");
        await period.GetByTestId("period-ack").FillAsync("30");
        await period.GetByTestId("period-form-submit").ClickAsync();
        await Expect(page.Locator("#toast")).ToContainTextAsync("Critical period saved");
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods/{periodId}");
        Assert.Equal(30, stored.GetProperty("incidentAckMinutes").GetInt32());
        Assert.NotEqual(0, stored.GetProperty("rules").GetArrayLength());

        // School 1's standby steps in by itself.
        var duty = page.GetByTestId("duty-settings");
        await duty.GetByTestId("duty-unit").SelectOptionAsync(new SelectOptionValue { Label = "bureau/school-1 · 第一中学" });
        await Expect(duty.Locator($"[data-unit='{Api.School1Id}']")).ToBeVisibleAsync();
        await duty.GetByTestId("duty-standby-steps-in").CheckAsync();
        await duty.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#toast")).ToContainTextAsync("Duty settings saved");
        var settings = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{Api.School1Id}/duty-settings");
        Assert.True(settings.GetProperty("standbyStepsIn").GetBoolean());

        // The day shift gets one standby; a leader standby on a shift without leaders is refused at its field.
        var shifts = page.GetByTestId("shifts-panel");
        await shifts.GetByTestId("shift-D").GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var shift = shifts.GetByTestId("shift-form").First;
        await shift.GetByTestId("shift-standby-staff").FillAsync("1");
        await shift.GetByTestId("shift-form-submit").ClickAsync();
        await Expect(shifts.GetByTestId("shift-D-standby")).ToHaveTextAsync("Duty staff 1");
        var fresh = shifts.GetByTestId("shift-form").Last;
        await fresh.GetByTestId("shift-code").FillAsync("E");
        await fresh.GetByTestId("shift-name").FillAsync("晚班");
        await fresh.GetByTestId("shift-headcount-staff").FillAsync("1");
        await fresh.GetByTestId("shift-standby-leader").FillAsync("1");
        await fresh.GetByTestId("shift-form-submit").ClickAsync();
        await Expect(fresh.GetByTestId("error-standby")).ToContainTextAsync("is not in headcount");
        await page.ShotAsync("setup-edit-2-shift-standby-error-en");

        // The 2027 holidays: a date outside the year is refused at its field; then the year loads.
        var calendars = page.GetByTestId("calendars-panel");
        var year = calendars.GetByTestId("calendar-year-form");
        await year.GetByTestId("calendar-year").FillAsync("2027");
        await year.GetByTestId("calendar-holidays").FillAsync("元旦, 2026-12-31, 2027-01-01");
        await year.Locator("button[type=submit]").ClickAsync();
        await Expect(year.GetByTestId("error-holidays")).ToContainTextAsync("outside its year 2027");
        await year.GetByTestId("calendar-holidays").FillAsync("元旦, 2027-01-01, 2027-01-03\n春节, 2027-02-06, 2027-02-12");
        await year.GetByTestId("calendar-make-up").FillAsync("2027-02-20");
        await year.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#toast")).ToContainTextAsync("2027 holidays loaded");
        await Expect(calendars.GetByTestId("calendar-years")).ToContainTextAsync("2027");
        await page.ShotAsync("setup-edit-3-calendar-year-en");
    }
}
