using System.Text.Json;

namespace Roster.Api.Tests.Exports;

/// <summary>Reads the first sheet of a workbook with openpyxl (Debian's python3-openpyxl), an independent reader.</summary>
public static class XlsxReader
{
    private const string Script = """
        import sys, io, json, datetime, openpyxl
        wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
        ws = wb.worksheets[0]
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None:
                    continue
                if isinstance(v, datetime.datetime):
                    kind, text = "date", v.date().isoformat()
                elif isinstance(v, (int, float)):
                    kind, text = "number", str(v)
                else:
                    kind, text = "text", str(v)
                fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
                cells[c.coordinate] = {"text": text, "kind": kind, "numberFormat": c.number_format, "fill": fill,
                                       "bold": bool(c.font.b), "font": c.font.name}
        ps = ws.page_setup
        pr = ws.sheet_properties.pageSetUpPr
        out = {"sheet": ws.title, "cells": cells, "title": wb.properties.title, "freeze": ws.freeze_panes,
               "autoFilter": ws.auto_filter.ref, "printTitleRows": ws.print_title_rows, "orientation": ps.orientation,
               "paperSize": None if ps.paperSize is None else str(ps.paperSize),
               "fitToWidth": None if ps.fitToWidth is None else int(ps.fitToWidth),
               "fitToHeight": None if ps.fitToHeight is None else int(ps.fitToHeight),
               "fitToPage": None if pr is None else pr.fitToPage,
               "header": ws.oddHeader.center.text, "footer": ws.oddFooter.center.text,
               "namedStyles": list(wb.named_styles)}
        print(json.dumps(out, ensure_ascii=False))
        """;

    public static async Task<XlsxBook> ReadAsync(byte[] bytes)
    {
        var book = await PythonReader.RunAsync(Script, bytes);
        var cells = new Dictionary<string, XlsxReadCell>(StringComparer.Ordinal);
        foreach (var cell in book.GetProperty("cells").EnumerateObject())
        {
            var c = cell.Value;
            cells[cell.Name] = new XlsxReadCell(
                c.GetProperty("text").GetString()!, c.GetProperty("kind").GetString()!, c.GetProperty("numberFormat").GetString()!,
                Text(c, "fill"), c.GetProperty("bold").GetBoolean(), Text(c, "font"));
        }

        return new XlsxBook(
            book.GetProperty("sheet").GetString()!, cells, Text(book, "title"), Text(book, "freeze"), Text(book, "autoFilter"),
            Text(book, "printTitleRows"), Text(book, "orientation"), Text(book, "paperSize"), Int(book, "fitToWidth"),
            Int(book, "fitToHeight"), book.GetProperty("fitToPage").ValueKind == JsonValueKind.Null ? null : book.GetProperty("fitToPage").GetBoolean(),
            Text(book, "header"), Text(book, "footer"), [.. book.GetProperty("namedStyles").EnumerateArray().Select(s => s.GetString()!)]);
    }

    /// <summary>The text of a cell, or "" when the cell is absent.</summary>
    public static string Text(this IReadOnlyDictionary<string, XlsxReadCell> cells, string reference) =>
        cells.TryGetValue(reference, out var c) ? c.Text : "";

    public static string Column(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : Column((column - 1) / 26) + (char)('A' + ((column - 1) % 26));

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static int? Int(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();
}
