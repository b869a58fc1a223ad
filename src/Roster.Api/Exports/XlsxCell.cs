namespace Roster.Api.Exports;

/// <summary>One cell: text, or a whole number when <see cref="Number"/> is set.</summary>
internal sealed record XlsxCell(string Text, XlsxStyle Style = XlsxStyle.Body, long? Number = null)
{
    public static XlsxCell Of(long number, XlsxStyle style = XlsxStyle.Body) =>
        new(number.ToString(System.Globalization.CultureInfo.InvariantCulture), style, number);
}
