using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Roster.Core.Rules;

/// <summary>Turns rule numbers into invariant strings for the structured part of violations and explanations.</summary>
internal static class RuleData
{
    public static IReadOnlyDictionary<string, string> Of((string Key, object Value)[] data)
    {
        var map = new Dictionary<string, string>(data.Length, StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            map[key] = Format(value);
        }
        return map;
    }

    public static string Format(object value) => value switch
    {
        LocalDate d => LocalDatePattern.Iso.Format(d),
        Duration d => DurationPattern.JsonRoundtrip.Format(d),
        Instant i => InstantPattern.ExtendedIso.Format(i),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Hours(Duration d) => d.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h";

    public static string Day(LocalDate d) => LocalDatePattern.Iso.Format(d);

    public static string Range(LocalDate start, LocalDate end) => start == end ? Day(start) : $"{Day(start)}…{Day(end)}";
}
