namespace Roster.Api.Imports;

/// <summary>
/// An uploaded sheet: the header row (the first non-empty row), the data rows after it, and for CSV the text
/// encoding it was read in.
/// </summary>
internal sealed record UploadedTable(int HeaderRow, IReadOnlyList<string> Headers, IReadOnlyList<UploadedRow> Rows, string? Encoding)
{
    /// <summary>Builds the table from raw rows (numbered from 1), skipping empty rows.</summary>
    public static UploadedTable From(IEnumerable<(int Number, IReadOnlyList<object?> Cells)> rows, string? encoding, List<ImportRowError> errors)
    {
        int? headerRow = null;
        IReadOnlyList<string> headers = [];
        var data = new List<UploadedRow>();
        foreach (var (number, cells) in rows)
        {
            if (cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }

            if (headerRow is null)
            {
                headerRow = number;
                headers = [.. cells.Select(c => CellText.Of(c).Text)];
                continue;
            }

            if (data.Count == ImportLimits.MaxRows)
            {
                errors.Add(new ImportRowError(number, null, $"更多行超出上限 {ImportLimits.MaxRows} · the file has more than {ImportLimits.MaxRows} rows; split it"));
                break;
            }

            data.Add(new UploadedRow(number, cells));
        }

        return new UploadedTable(headerRow ?? 1, headers, data, encoding);
    }
}
