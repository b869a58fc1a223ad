namespace Roster.Api.Imports;

/// <summary>A data row as read: its spreadsheet row number and its cells by column position (null for an empty cell).</summary>
internal sealed record UploadedRow(int Number, IReadOnlyList<object?> Cells);
