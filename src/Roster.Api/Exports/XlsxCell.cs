using NodaTime;

namespace Roster.Api.Exports;

/// <summary>One cell: text, a number when <see cref="Number"/> is set, or a date when <see cref="Date"/> is set.</summary>
internal sealed record XlsxCell(string Text, XlsxStyle Style = XlsxStyle.Body, decimal? Number = null, LocalDate? Date = null)
{
    public static XlsxCell Of(long number, XlsxStyle style = XlsxStyle.Body) =>
        new(number.ToString(System.Globalization.CultureInfo.InvariantCulture), style, number);

    /// <summary>An amount or a count of hours, e.g. 150.50.</summary>
    public static XlsxCell Of(decimal number, XlsxStyle style = XlsxStyle.Body) =>
        new(number.ToString(System.Globalization.CultureInfo.InvariantCulture), style, number);

    /// <summary>A real spreadsheet date (a serial day number shown as yyyy-mm-dd), so it sorts and filters as a date.</summary>
    public static XlsxCell Of(LocalDate date, XlsxStyle style = XlsxStyle.Body) =>
        new(NodaTime.Text.LocalDatePattern.Iso.Format(date), style, Date: date);
}
