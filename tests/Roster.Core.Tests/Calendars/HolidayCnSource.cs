using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Roster.Core.Tests.Calendars;

/// <summary>
/// The independent facts our shipped calendar is checked against: the holiday-cn files (MIT) vendored in
/// <c>tests/Roster.Core.Tests/Data/holiday-cn</c> and copied beside the test assembly, so the check needs nothing outside
/// the repository.
/// </summary>
internal static class HolidayCnSource
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "holiday-cn");

    /// <summary>Every listed date of every year file: true = statutory day off, false = make-up workday, with its name.</summary>
    public static IReadOnlyDictionary<LocalDate, (bool IsOffDay, string Name)> LoadDays(IEnumerable<int> years)
    {
        var days = new Dictionary<LocalDate, (bool, string)>();
        foreach (var year in years)
        {
            var file = Path.Combine(Folder, $"{year}.json");
            Assert.True(File.Exists(file), $"Holiday source file {file} is missing (vendored under tests/Roster.Core.Tests/Data/holiday-cn).");
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(year, json.RootElement.GetProperty("year").GetInt32());
            foreach (var day in json.RootElement.GetProperty("days").EnumerateArray())
            {
                var date = LocalDatePattern.Iso.Parse(day.GetProperty("date").GetString()!).Value;
                days[date] = (day.GetProperty("isOffDay").GetBoolean(), day.GetProperty("name").GetString()!);
            }
        }

        return days;
    }
}
