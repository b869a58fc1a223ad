namespace Roster.Api.Exports;

/// <summary>
/// A one-sheet workbook to write: one header row (row 1, kept in view and printed on every page, with an autofilter),
/// then the data rows. The title goes to the printed page header and the workbook's properties, not into a cell, so
/// the sheet stays one table a spreadsheet can sort and filter. The sheet name has at most 31 characters and none of
/// []:*?/\; widths are in characters, one per column.
/// </summary>
internal sealed record XlsxSheet(
    string Name, string Title, IReadOnlyList<double> Widths, IReadOnlyList<XlsxCell> Header,
    IReadOnlyList<IReadOnlyList<XlsxCell>> Rows);
