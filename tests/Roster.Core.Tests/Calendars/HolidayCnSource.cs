using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Roster.Core.Tests.Calendars;

/// <summary>
/// The independent facts our shipped calendar is checked against: the holiday-cn files in <c>shared/data/holiday-cn</c>,
/// a sibling of the repository clone (../shared in CI and on dev machines). Read by path at test time, never committed.
/// </summary>
internal static class HolidayCnSource
{
    private const string RelativeFolder = "shared/data/holiday-cn";

    /// <summary>Every listed date of every year file: true = statutory day off, false = make-up workday, with its name.</summary>
    public static IReadOnlyDictionary<LocalDate, (bool IsOffDay, string Name)> LoadDays(IEnumerable<int> years)
    {
        var folder = FindFolder();
        var days = new Dictionary<LocalDate, (bool, string)>();
        foreach (var year in years)
        {
            var file = Path.Combine(folder, $"{year}.json");
            Assert.True(File.Exists(file), $"Holiday source file {file} is missing.");
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var day in json.RootElement.GetProperty("days").EnumerateArray())
            {
                var date = LocalDatePattern.Iso.Parse(day.GetProperty("date").GetString()!).Value;
                days[date] = (day.GetProperty("isOffDay").GetBoolean(), day.GetProperty("name").GetString()!);
            }
        }

        return days;
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativeFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail(
            $"Cannot find '{RelativeFolder}' in any parent of {AppContext.BaseDirectory}. The calendar test needs the shared data " +
            "folder beside the repository clone (e.g. /work/shared next to /work/roster); it is never skipped.");
        return "";
    }
}
