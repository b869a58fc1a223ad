using NodaTime;
using Roster.Core.Model;

namespace Roster.Core.Calendars;

/// <summary>
/// Tells the <see cref="DayType"/> of a date from statutory holidays and make-up workdays (调休上班日).
/// Immutable; build one with <see cref="FromDocument"/> or <see cref="FromJson"/>, or use <see cref="HolidayCalendars"/>.
/// </summary>
/// <remarks>
/// The ordinary week is Monday–Friday work, Saturday–Sunday off. Dates in years the calendar does not cover follow the
/// ordinary week: callers planning beyond <see cref="CoveredYears"/> (holidays are announced a year ahead) check
/// <see cref="Covers"/> and warn, rather than get an exception in the middle of a critical period.
/// </remarks>
public sealed class HolidayCalendar
{
    private readonly Dictionary<LocalDate, Holiday> _holidayByDate;
    private readonly HashSet<LocalDate> _makeUpWorkdays;
    private readonly HashSet<int> _years;

    private HolidayCalendar(
        string id, IReadOnlyDictionary<string, string> name, IEnumerable<int> years, List<Holiday> holidays, IEnumerable<LocalDate> makeUpWorkdays)
    {
        Id = id;
        Name = name;
        CoveredYears = [.. years.Order()];
        _years = [.. CoveredYears];
        Holidays = holidays;
        MakeUpWorkdays = [.. makeUpWorkdays.Order()];
        _makeUpWorkdays = [.. MakeUpWorkdays];
        _holidayByDate = holidays.SelectMany(h => h.Dates.Select(d => (Date: d, Holiday: h))).ToDictionary(x => x.Date, x => x.Holiday);
    }

    public string Id { get; }

    /// <summary>Display name by language tag (zh-CN, en).</summary>
    public IReadOnlyDictionary<string, string> Name { get; }

    /// <summary>The years whose holidays this calendar knows, ascending.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>All holidays in date order; one across New Year is a single holiday.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>All make-up workdays, ascending.</summary>
    public IReadOnlyList<LocalDate> MakeUpWorkdays { get; }

    /// <summary>Builds a calendar from a document that <see cref="HolidayCalendarDocument.Validate"/> accepts.</summary>
    /// <exception cref="ArgumentException">The document is invalid: validate user input first; this is a caller bug.</exception>
    public static HolidayCalendar FromDocument(HolidayCalendarDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = document.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "Invalid holiday calendar: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(document));
        }

        var years = new List<int>();
        var ranges = new List<Holiday>();
        var makeUpWorkdays = new List<LocalDate>();
        foreach (var (key, year) in document.Years)
        {
            // Keys, dates and ranges were validated above, so parsing cannot fail here.
            years.Add(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
            ranges.AddRange(year.Holidays.Select(h => new Holiday(
                h.Name,
                h.NameEn ?? h.Name,
                new DateInterval(HolidayCalendarValidator.ParseDate(h.From)!.Value, HolidayCalendarValidator.ParseDate(h.To)!.Value))));
            makeUpWorkdays.AddRange(year.MakeUpWorkdays.Select(d => HolidayCalendarValidator.ParseDate(d)!.Value));
        }

        return new HolidayCalendar(
            document.Id, new Dictionary<string, string>(document.Name).AsReadOnly(), years, JoinAcrossYears(ranges), makeUpWorkdays);
    }

    /// <summary>Reads, validates and builds a calendar from JSON in the <see cref="HolidayCalendarDocument"/> format.</summary>
    /// <exception cref="System.Text.Json.JsonException">Not JSON of that shape.</exception>
    /// <exception cref="ArgumentException">Valid JSON, invalid calendar.</exception>
    public static HolidayCalendar FromJson(string json) => FromDocument(HolidayCalendarDocument.FromJson(json));

    /// <summary>True when <paramref name="date"/> lies in a year this calendar covers.</summary>
    public bool Covers(LocalDate date) => _years.Contains(date.Year);

    /// <summary>
    /// <see cref="DayType.Holiday"/> for a statutory day off, <see cref="DayType.MakeUpWorkday"/> for a weekend day worked,
    /// otherwise <see cref="DayType.Weekend"/> on Saturday and Sunday and <see cref="DayType.Workday"/> on the rest.
    /// </summary>
    public DayType DayTypeOf(LocalDate date)
    {
        if (_holidayByDate.ContainsKey(date))
        {
            return DayType.Holiday;
        }

        if (_makeUpWorkdays.Contains(date))
        {
            return DayType.MakeUpWorkday;
        }

        return date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayType.Weekend : DayType.Workday;
    }

    /// <summary>The holiday <paramref name="date"/> is a day off of, or null.</summary>
    public Holiday? HolidayOn(LocalDate date) => _holidayByDate.GetValueOrDefault(date);

    /// <summary>The calendar as a document: one entry per covered year, holidays across New Year split again.</summary>
    public HolidayCalendarDocument ToDocument()
    {
        var years = new Dictionary<string, HolidayYearDocument>();
        foreach (var year in CoveredYears)
        {
            var holidays = Holidays
                .Where(h => h.Dates.Start.Year <= year && h.Dates.End.Year >= year)
                .Select(h => new HolidayRangeDocument
                {
                    Name = h.Name,
                    NameEn = h.NameEn,
                    From = Iso(h.Dates.Start.Year == year ? h.Dates.Start : new LocalDate(year, 1, 1)),
                    To = Iso(h.Dates.End.Year == year ? h.Dates.End : new LocalDate(year, 12, 31)),
                })
                .ToList();
            years.Add(
                year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new HolidayYearDocument { Holidays = holidays, MakeUpWorkdays = [.. MakeUpWorkdays.Where(d => d.Year == year).Select(Iso)] });
        }

        return new HolidayCalendarDocument { Id = Id, Name = new Dictionary<string, string>(Name), Years = years };
    }

    /// <summary>Joins a holiday split at New Year (same names, adjacent dates) back into one.</summary>
    private static List<Holiday> JoinAcrossYears(List<Holiday> ranges)
    {
        var joined = new List<Holiday>();
        foreach (var range in ranges.OrderBy(r => r.Dates.Start))
        {
            if (joined.Count > 0
                && joined[^1] is var last
                && last.Name == range.Name
                && last.NameEn == range.NameEn
                && last.Dates.End.PlusDays(1) == range.Dates.Start
                && last.Dates.End.Year != range.Dates.Start.Year)
            {
                joined[^1] = last with { Dates = new DateInterval(last.Dates.Start, range.Dates.End) };
            }
            else
            {
                joined.Add(range);
            }
        }

        return joined;
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
