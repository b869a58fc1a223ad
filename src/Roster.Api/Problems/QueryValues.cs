using NodaTime;
using NodaTime.Text;

namespace Roster.Api.Problems;

/// <summary>Parses query-string values that minimal APIs cannot bind by themselves (NodaTime types).</summary>
internal static class QueryValues
{
    /// <summary>
    /// The calendar a query may ask about. Reads look a few days either side of what they are asked, so a date near the
    /// ends of NodaTime's range (year 9999) would overflow there; no duty record is that old or that far ahead.
    /// </summary>
    public static readonly LocalDate FirstDay = new(1900, 1, 1);

    /// <inheritdoc cref="FirstDay"/>
    public static readonly LocalDate LastDay = new(2999, 12, 31);

    public static readonly string OutOfRange = FormattableString.Invariant($"must be from {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}");

    /// <summary>An ISO date (yyyy-MM-dd), or null when absent; a malformed value is recorded against the field.</summary>
    public static LocalDate? Date(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(value);
        if (!result.Success)
        {
            errors.Add(field, "must be a date as yyyy-MM-dd");
            return null;
        }

        if (result.Value < FirstDay || result.Value > LastDay)
        {
            errors.Add(field, OutOfRange);
            return null;
        }

        return result.Value;
    }
}
