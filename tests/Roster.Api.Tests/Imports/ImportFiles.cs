using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;

namespace Roster.Api.Tests.Imports;

/// <summary>Spreadsheets and CSV files as a user would upload them, and the multipart request that carries them.</summary>
public static class ImportFiles
{
    public static readonly string[] PeopleHeaders =
        ["单位代码路径 unit code path", "姓名 name", "工号 staff number", "手机 phone", "邮箱 email", "值班角色 duty roles", "用工类型 employment type", "标签 tags", "登录账号 username"];

    public static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<object?[]> rows, IEnumerable<object?[]>? secondSheet = null)
    {
        List<Dictionary<string, object?>> Sheet(IEnumerable<object?[]> data) =>
            [.. data.Select(r => headers.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.v))];
        using var stream = new MemoryStream();
        if (secondSheet is null)
        {
            MiniExcel.SaveAs(stream, Sheet(rows), excelType: ExcelType.XLSX);
        }
        else
        {
            MiniExcel.SaveAs(stream, new Dictionary<string, object> { ["名单"] = Sheet(rows), ["Sheet2"] = Sheet(secondSheet) }, excelType: ExcelType.XLSX);
        }

        return stream.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<object?[]> rows, Encoding encoding)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', headers));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',', row.Select(v => v?.ToString() ?? "")));
        }

        return encoding.GetBytes(text.ToString());
    }

    /// <summary>A small XLSX whose shared strings expand to <paramref name="megabytes"/> MB when unzipped.</summary>
    public static byte[] SharedStringsBomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>""");
            using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            strings.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""");
            var chunk = new string('A', 1024 * 1024);
            for (var i = 0; i < megabytes; i++)
            {
                strings.Write(chunk);
            }

            strings.Write("</t></si></sst>");
        }

        return stream.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal)
            ? "text/csv"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string url, byte[] bytes, string fileName) =>
        client.PostAsync(new Uri(url, UriKind.Relative), Form(bytes, fileName));
}
