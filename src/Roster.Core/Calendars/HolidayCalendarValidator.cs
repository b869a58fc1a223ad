using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace Roster.Core.Calendars;

/// <summary>Checks a <see cref="HolidayCalendarDocument"/>; every error names the JSON field it is about.</summary>
internal static partial class HolidayCalendarValidator
{
    public static IReadOnlyList<CalendarValidationError> Validate(HolidayCalendarDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<CalendarValidationError>();

        if (string.IsNullOrWhiteSpace(document.Id))
        {
            errors.Add(new("id", "is required"));
        }
        else if (!IdPattern().IsMatch(document.Id))
        {
            errors.Add(new("id", $"'{document.Id}' must be lower-case letters, digits and '-', e.g. cn-mainland"));
        }

        if (document.Name is null || document.Name.Count == 0)
        {
            errors.Add(new("name", "needs at least one language, e.g. {\"zh-CN\": \"…\"}"));
        }
        else
        {
            foreach (var (language, text) in document.Name)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    errors.Add(new($"name.{language}", "must not be empty"));
                }
            }
        }

        if (document.Years is null || document.Years.Count == 0)
        {
            errors.Add(new("years", "needs at least one year"));
        }
        else
        {
            foreach (var (key, year) in document.Years)
            {
                ValidateYear(key, year, errors);
            }
        }

        return errors;
    }

    /// <summary>Parses a year key; only plain four-digit years are keys.</summary>
    internal static bool TryParseYear(string key, out int year) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out year) && key.Length == 4 && year >= 1000;

    /// <summary>Parses an ISO date (yyyy-MM-dd); null when the text is not one.</summary>
    internal static LocalDate? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : null;
    }

    private static void ValidateYear(string key, HolidayYearDocument? year, List<CalendarValidationError> errors)
    {
        var path = $"years.{key}";
        if (!TryParseYear(key, out var number))
        {
            errors.Add(new(path, $"'{key}' is not a four-digit year"));
            return;
        }

        if (year is null)
        {
            errors.Add(new(path, "must be an object with holidays and makeUpWorkdays"));
            return;
        }

        var ranges = ValidateHolidays(path, number, year.Holidays, errors);
        ValidateMakeUpWorkdays(path, number, year.MakeUpWorkdays, ranges, errors);
    }

    private static List<(int Index, DateInterval Dates, string Name)> ValidateHolidays(
        string path, int year, IReadOnlyList<HolidayRangeDocument?>? holidays, List<CalendarValidationError> errors)
    {
        var ranges = new List<(int Index, DateInterval Dates, string Name)>();
        if (holidays is null)
        {
            errors.Add(new($"{path}.holidays", "is required (use [] for none)"));
            return ranges;
        }

        for (var i = 0; i < holidays.Count; i++)
        {
            var itemPath = $"{path}.holidays[{i}]";
            var holiday = holidays[i];
            if (holiday is null)
            {
                errors.Add(new(itemPath, "must be an object with name, from and to"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(holiday.Name))
            {
                errors.Add(new($"{itemPath}.name", "is required"));
            }

            if (holiday.NameEn is not null && string.IsNullOrWhiteSpace(holiday.NameEn))
            {
                errors.Add(new($"{itemPath}.nameEn", "must not be empty when given"));
            }

            var from = ValidateDate($"{itemPath}.from", holiday.From, year, errors);
            var to = ValidateDate($"{itemPath}.to", holiday.To, year, errors);
            if (from is { } f && to is { } t)
            {
                if (t < f)
                {
                    errors.Add(new($"{itemPath}.to", $"{Iso(t)} is before from ({Iso(f)})"));
                }
                else
                {
                    ranges.Add((i, new DateInterval(f, t), holiday.Name ?? ""));
                }
            }
        }

        // A day belongs to at most one holiday: overlapping ranges would give it two names.
        var byStart = ranges.OrderBy(r => r.Dates.Start).ThenBy(r => r.Index).ToList();
        for (var i = 1; i < byStart.Count; i++)
        {
            var previous = byStart[i - 1];
            var current = byStart[i];
            if (current.Dates.Start <= previous.Dates.End)
            {
                errors.Add(new(
                    $"{path}.holidays[{current.Index}]",
                    $"overlaps holidays[{previous.Index}] ({previous.Name} {Iso(previous.Dates.Start)}…{Iso(previous.Dates.End)})"));
            }
        }

        return ranges;
    }

    private static void ValidateMakeUpWorkdays(
        string path,
        int year,
        IReadOnlyList<string?>? days,
        List<(int Index, DateInterval Dates, string Name)> holidays,
        List<CalendarValidationError> errors)
    {
        if (days is null)
        {
            errors.Add(new($"{path}.makeUpWorkdays", "is required (use [] for none)"));
            return;
        }

        var seen = new Dictionary<LocalDate, int>();
        for (var i = 0; i < days.Count; i++)
        {
            var itemPath = $"{path}.makeUpWorkdays[{i}]";
            if (ValidateDate(itemPath, days[i], year, errors) is not { } day)
            {
                continue;
            }

            if (seen.TryGetValue(day, out var first))
            {
                errors.Add(new(itemPath, $"{Iso(day)} repeats makeUpWorkdays[{first}]"));
                continue;
            }

            seen.Add(day, i);
            if (day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                errors.Add(new(itemPath, $"{Iso(day)} is a {day.DayOfWeek}; a make-up workday is a Saturday or Sunday worked as a workday"));
            }

            foreach (var holiday in holidays.Where(h => h.Dates.Contains(day)))
            {
                errors.Add(new(itemPath, $"{Iso(day)} is also a holiday (holidays[{holiday.Index}] {holiday.Name}); a day is either off or a make-up workday"));
            }
        }
    }

    private static LocalDate? ValidateDate(string path, string? text, int year, List<CalendarValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(path, "is required (yyyy-MM-dd)"));
            return null;
        }

        if (ParseDate(text) is not { } date)
        {
            errors.Add(new(path, $"'{text}' is not a date in yyyy-MM-dd form"));
            return null;
        }

        if (date.Year != year)
        {
            errors.Add(new(path, $"{Iso(date)} is outside its year {year} (a holiday across New Year is split between the two years)"));
            return null;
        }

        return date;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
