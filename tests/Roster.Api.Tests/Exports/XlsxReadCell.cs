namespace Roster.Api.Tests.Exports;

/// <summary>
/// A cell read back from a workbook: its value as text (a date cell as yyyy-MM-dd), whether the reader took it for a
/// date, a number or text, its number format, the ARGB of its solid fill if any, and whether its font is bold.
/// </summary>
public sealed record XlsxReadCell(string Text, string Kind, string NumberFormat, string? Fill, bool Bold, string? Font);
