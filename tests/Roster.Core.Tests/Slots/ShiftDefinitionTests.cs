using NodaTime;
using Roster.Core.Model;
using Roster.Core.Slots;

namespace Roster.Core.Tests.Slots;

public sealed class ShiftDefinitionTests
{
    private static ShiftDefinition Create(
        string code = "D", double hours = 12, int staff = 1, DayType[]? dayTypes = null) => new(
        code, "白班", "Day shift", new LocalTime(8, 0), Duration.FromHours(hours),
        new Dictionary<string, int> { [DutyRoles.Staff] = staff }, dayTypes ?? [DayType.Workday]);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(48.5)]
    public void Constructor_LengthOutside0To48Hours_Throws(double hours)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(hours: hours));
    }

    [Fact]
    public void Constructor_48Hours_IsAccepted()
    {
        Assert.Equal(Duration.FromHours(48), Create(hours: 48).Length);
    }

    [Theory]
    [InlineData("D/1")]
    [InlineData("D 1")]
    [InlineData("")]
    public void Constructor_CodeUnfitForSlotKey_Throws(string code)
    {
        Assert.ThrowsAny<ArgumentException>(() => Create(code: code));
    }

    [Fact]
    public void Constructor_NegativeHeadCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(staff: -1));
    }

    [Fact]
    public void Constructor_MakeUpWorkdayDayType_ThrowsBecauseItUsesWorkdayShifts()
    {
        Assert.Throws<ArgumentException>(() => Create(dayTypes: [DayType.MakeUpWorkday]));
    }

    [Fact]
    public void ShiftPattern_DuplicateCodes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ShiftPattern([Create(), Create()]));
    }

    [Fact]
    public void ShiftsFor_MakeUpWorkday_ReturnsWorkdayShifts()
    {
        var pattern = new ShiftPattern([Create(code: "D"), Create(code: "W", dayTypes: [DayType.Weekend])]);

        Assert.Equal(["D"], pattern.ShiftsFor(DayType.MakeUpWorkday).Select(s => s.Code));
        Assert.Equal(["W"], pattern.ShiftsFor(DayType.Weekend).Select(s => s.Code));
        Assert.Empty(pattern.ShiftsFor(DayType.Holiday));
    }
}
