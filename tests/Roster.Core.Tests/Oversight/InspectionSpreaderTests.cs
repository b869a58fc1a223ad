using NodaTime;
using Roster.Core.Oversight;

namespace Roster.Core.Tests.Oversight;

public sealed class InspectionSpreaderTests
{
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    /// <summary>A day shift (Ann) and a night shift (Bob) on each day of October 12 … 24.</summary>
    private static List<InspectionDuty> Duties()
    {
        var list = new List<InspectionDuty>();
        for (var day = new LocalDate(2026, 10, 12); day <= new LocalDate(2026, 10, 24); day = day.PlusDays(1))
        {
            var start = day.AtMidnight().InUtc().ToInstant();
            list.Add(new InspectionDuty($"{day:yyyy-MM-dd}/D/staff/0", day, "D", Ann, start + Duration.FromHours(8), start + Duration.FromHours(20)));
            list.Add(new InspectionDuty($"{day:yyyy-MM-dd}/N/staff/0", day, "N", Bob, start + Duration.FromHours(20), start + Duration.FromHours(32)));
        }

        return list;
    }

    [Fact]
    public void Spread_TwoOverThirteenDays_PicksDaysApartAndDifferentPeople()
    {
        var chosen = InspectionSpreader.Spread(Duties(), 2, new HashSet<string>(), []);
        Assert.Equal([new LocalDate(2026, 10, 15), new LocalDate(2026, 10, 21)], chosen.Select(c => c.Date));
        Assert.Equal(2, chosen.Select(c => c.PersonId).Distinct().Count());
    }

    [Fact]
    public void Spread_MoreThanTheDays_GoesRoundAgainOnOtherSlots()
    {
        var duties = Duties().Where(d => d.Date <= new LocalDate(2026, 10, 13)).ToList();
        var chosen = InspectionSpreader.Spread(duties, 3, new HashSet<string>(), []);
        Assert.Equal(3, chosen.Count);
        Assert.Equal(3, chosen.Select(c => c.SlotKey).Distinct().Count());
    }

    [Fact]
    public void Spread_WithTakenDuties_AvoidsTheirDays()
    {
        Assert.DoesNotContain(SpreadAroundTakenDuty(), c => c.Date == new LocalDate(2026, 10, 15));
    }

    [Fact]
    public void Spread_SameInputTwice_ChoosesTheSameDuties()
    {
        Assert.Equal(SpreadAroundTakenDuty(), SpreadAroundTakenDuty());
    }

    [Fact]
    public void Spread_SomeoneAlreadyInspected_ComesAfterTheOthers()
    {
        Assert.Equal(Bob, SpreadAroundTakenDuty()[0].PersonId);
    }

    /// <summary>Two inspections over <see cref="Duties"/> with one duty already taken and Ann inspected once before.</summary>
    private static IReadOnlyList<InspectionDuty> SpreadAroundTakenDuty() =>
        InspectionSpreader.Spread(Duties(), 2, new HashSet<string>(StringComparer.Ordinal) { "2026-10-15/D/staff/0" }, new Dictionary<Guid, int> { [Ann] = 1 });

    [Fact]
    public void Patrols_OnePerNightShift_SkippingNightsAlreadyPatrolled()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "2026-10-12/N/staff/0" };
        var chosen = InspectionSpreader.Patrols(Duties(), "N", taken, []);
        Assert.Equal(12, chosen.Count);
        Assert.All(chosen, c => Assert.Equal("N", c.ShiftCode));
        Assert.DoesNotContain(chosen, c => c.Date == new LocalDate(2026, 10, 12));
    }
}
