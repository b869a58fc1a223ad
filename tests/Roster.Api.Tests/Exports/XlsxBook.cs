namespace Roster.Api.Tests.Exports;

/// <summary>What openpyxl reads from a workbook's first sheet: cells by A1 reference, views, filters and print setup.</summary>
public sealed record XlsxBook(
    string SheetName,
    IReadOnlyDictionary<string, XlsxReadCell> Cells,
    string? Title,
    string? FreezePanes,
    string? AutoFilter,
    string? PrintTitleRows,
    string? Orientation,
    string? PaperSize,
    int? FitToWidth,
    int? FitToHeight,
    bool? FitToPage,
    string? HeaderCenter,
    string? FooterCenter,
    IReadOnlyList<string> NamedStyles);
