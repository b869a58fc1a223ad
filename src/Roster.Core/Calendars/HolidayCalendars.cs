namespace Roster.Core.Calendars;

/// <summary>The calendars shipped with Roster, read once from embedded resources (Calendars/Data/*.json).</summary>
public static class HolidayCalendars
{
    // Lazy so that a process that never asks for a calendar never parses one; loaded once, thread-safe.
    private static readonly Lazy<HolidayCalendar> ChinaMainlandCalendar = new(() => Load("cn-mainland"));

    /// <summary>中国大陆法定节假日: statutory holidays and make-up workdays from the State Council notices, 2022–2026.</summary>
    public static HolidayCalendar ChinaMainland => ChinaMainlandCalendar.Value;

    /// <summary>All shipped calendars, for listing next to the custom ones.</summary>
    public static IReadOnlyList<HolidayCalendar> BuiltIn => [ChinaMainland];

    private static HolidayCalendar Load(string id)
    {
        var resource = $"Roster.Core.Calendars.Data.{id}.json";
        using var stream = typeof(HolidayCalendars).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded calendar '{resource}' is missing from Roster.Core.");
        using var reader = new StreamReader(stream);
        return HolidayCalendar.FromJson(reader.ReadToEnd());
    }
}
