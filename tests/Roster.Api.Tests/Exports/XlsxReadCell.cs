namespace Roster.Api.Tests.Exports;

/// <summary>A cell read back from a workbook: its text and the ARGB of its solid fill, if any.</summary>
public sealed record XlsxReadCell(string Text, string? Fill);
