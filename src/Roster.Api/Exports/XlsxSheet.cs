namespace Roster.Api.Exports;

/// <summary>
/// A one-sheet workbook to write: a title row merged across all columns, header rows that stay in view when
/// scrolling, then the data rows. The sheet name has at most 31 characters and none of []:*?/\; widths are in
/// characters, one per column.
/// </summary>
internal sealed record XlsxSheet(
    string Name, string Title, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<XlsxCell>> HeaderRows,
    IReadOnlyList<IReadOnlyList<XlsxCell>> Rows);
