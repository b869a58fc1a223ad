namespace Roster.Api.Imports;

/// <summary>Where each template column is in an uploaded table; a missing required header is an error on the header row.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> _positions;

    private HeaderMap(Dictionary<string, int> positions) => _positions = positions;

    public static HeaderMap? Find(UploadedTable table, IReadOnlyList<ImportColumn> columns, List<ImportRowError> errors)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var column = columns.FirstOrDefault(c => c.Matches(table.Headers[i]));
            if (column is null)
            {
                continue;
            }

            if (!positions.TryAdd(column.Key, i))
            {
                errors.Add(new ImportRowError(table.HeaderRow, column.Key, $"表头“{column.Header}”出现了两次 · the header '{column.Header}' appears twice"));
            }
        }

        foreach (var missing in columns.Where(c => c.Required && !positions.ContainsKey(c.Key)))
        {
            errors.Add(new ImportRowError(table.HeaderRow, missing.Key,
                $"缺少表头“{missing.Header}”（请使用导入模板）· missing header '{missing.Header}' (use the import template)"));
        }

        return errors.Count == 0 ? new HeaderMap(positions) : null;
    }

    /// <summary>The row's cells by column key, for the preview.</summary>
    public ImportPreviewRow Preview(UploadedRow row, IReadOnlyList<ImportColumn> columns) =>
        new(row.Number, columns.Where(c => _positions.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => Cell(row, c).Text, StringComparer.Ordinal));

    public CellText Cell(UploadedRow row, ImportColumn column) =>
        _positions.TryGetValue(column.Key, out var i) && i < row.Cells.Count ? CellText.Of(row.Cells[i]) : new CellText("", false);
}
