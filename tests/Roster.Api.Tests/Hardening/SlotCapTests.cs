using System.Net;
using System.Net.Http.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Hardening;

/// <summary>One administrator cannot make every read of the subtree expand millions of slots.</summary>
public sealed class SlotCapTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Shift_WithMoreThan20OfOneRole_Is400NamingThatRole()
    {
        var (admin, shifts) = await NewPeriodAsync("上限 role");
        var perRole = await admin.PostAsJsonAsync(shifts, new { code = "A", name = "a", startsAt = "08:00:00", length = "PT8H", headcount = new { staff = 21 } });
        Assert.Equal(HttpStatusCode.BadRequest, perRole.StatusCode);
        Assert.Equal(["headcount.staff"], await perRole.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Shift_WithMoreThan30People_NamesHeadcount()
    {
        var (admin, shifts) = await NewPeriodAsync("上限 total");
        var total = await admin.PostAsJsonAsync(shifts, new
        {
            code = "B", name = "b", startsAt = "08:00:00", length = "PT8H", headcount = new { staff = 20, guard = 11 },
        });
        Assert.Equal(["headcount"], await total.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Period_ThirteenthShift_Is422()
    {
        var (admin, shifts) = await NewPeriodAsync("上限 shifts");
        for (var i = 0; i < 12; i++)
        {
            var ok = await admin.PostAsJsonAsync(shifts, new { code = $"S{i}", name = $"s{i}", startsAt = "08:00:00", length = "PT1H", headcount = new { staff = 1 } });
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var thirteenth = await admin.PostAsJsonAsync(shifts, new { code = "S12", name = "s12", startsAt = "08:00:00", length = "PT1H", headcount = new { staff = 1 } });
        Assert.Equal((HttpStatusCode)422, thirteenth.StatusCode);
    }

    [Fact]
    public async Task Candidates_AreForAdministrators_NotForStaff()
    {
        var admin = await api.ClientAsync("admin");
        var periodId = await api.DemoPeriodIdAsync(admin);
        var url = new Uri($"/api/v1/periods/{periodId}/units/{api.School1Id}/roster/candidates?slot=2026-12-10/D/staff/0", UriKind.Relative);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.ClientAsync("staff")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
    }

    /// <summary>School 1's admin and the shifts address of a new three-day period named <paramref name="name"/>.</summary>
    private async Task<(HttpClient Admin, string Shifts)> NewPeriodAsync(string name)
    {
        var admin = await api.ClientAsync("admin");
        var period = await (await admin.PostAsJsonAsync("/api/v1/periods",
            new { unitId = api.School1Id, name, firstDay = "2026-12-01", lastDay = "2026-12-03" })).BodyAsync();
        return (admin, $"/api/v1/periods/{period.Id()}/shifts");
    }
}
