using NodaTime;

namespace Roster.Api.Exports;

/// <summary>One cell: text, a number when <see cref="Number"/> is set, or a date when <see cref="Date"/> is set.</summary>
internal sealed record XlsxCell(string Text, XlsxStyle Style = XlsxStyle.Body, decimal? Number = null, LocalDate? Date = null)
{
    public static XlsxCell Of(long number, XlsxStyle style = XlsxStyle.Body) =>
        new(number.ToString(System.Globalization.CultureInfo.InvariantCulture), style, number);

    /// <summary>An amount or a count of hours, e.g. 150.5, written without trailing zeros (850.00 is 850).</summary>
    public static XlsxCell Of(decimal number, XlsxStyle style = XlsxStyle.Body)
    {
        // Dividing by 1 with 28 zero decimals keeps the value and drops the scale a numeric(10,2) column gave it.
        var plain = number / 1.0000000000000000000000000000m;
        return new(plain.ToString(System.Globalization.CultureInfo.InvariantCulture), style, plain);
    }

    /// <summary>A real spreadsheet date (a serial day number shown as yyyy-mm-dd), so it sorts and filters as a date.</summary>
    public static XlsxCell Of(LocalDate date, XlsxStyle style = XlsxStyle.Body) =>
        new(NodaTime.Text.LocalDatePattern.Iso.Format(date), style, Date: date);
}
