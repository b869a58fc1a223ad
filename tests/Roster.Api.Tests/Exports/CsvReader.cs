namespace Roster.Api.Tests.Exports;

/// <summary>Reads a CSV export with Python's csv module (RFC 4180 dialect); the file must start with a UTF-8 byte-order mark.</summary>
public static class CsvReader
{
    private const string Script = """
        import sys, io, csv, json
        text = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
        print(json.dumps(list(csv.reader(text, strict=True)), ensure_ascii=False))
        """;

    public static async Task<List<List<string>>> ReadAsync(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "a CSV export starts with a UTF-8 byte-order mark");
        var rows = await PythonReader.RunAsync(Script, bytes);
        return [.. rows.EnumerateArray().Select(r => r.EnumerateArray().Select(f => f.GetString()!).ToList())];
    }
}
