namespace Roster.Api.Imports;

/// <summary>A row as the import read it (cells by column key, after folding full-width forms), so a page can show errors beside it.</summary>
public sealed record ImportPreviewRow(int Row, IReadOnlyDictionary<string, string> Cells);
