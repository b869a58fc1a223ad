using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Problems;

namespace Roster.Api.Imports;

/// <summary>
/// The uploaded file of an import request (multipart/form-data, field <c>file</c>), read into memory once it is known
/// to be at most <see cref="ImportLimits.MaxUploadBytes"/>; larger uploads answer 413 without being read.
/// </summary>
internal static class Upload
{
    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    private const long Envelope = 64 * 1024;

    public static async Task<Found<UploadedFile>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ImportLimits.MaxUploadBytes + Envelope)
        {
            return TooLarge();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ImportLimits.MaxUploadBytes + Envelope;
        }

        if (!request.HasFormContentType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "file",
                "send multipart/form-data with the XLSX or CSV in a field named file");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return TooLarge();
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null || file.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "file", "is required: an XLSX or CSV file in a field named file");
        }

        if (file.Length > ImportLimits.MaxUploadBytes)
        {
            return TooLarge();
        }

        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, ct);
        return new UploadedFile(bytes, file.FileName);
    }

    /// <summary>The sheet of an upload: XLSX when it is a zip, else CSV text. File-level problems go to <paramref name="errors"/>.</summary>
    public static UploadedTable? Parse(byte[] bytes, string fileName, List<ImportRowError> errors)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)"PK\u0003\u0004"u8))
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return XlsxTableReader.Read(stream, errors);
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) || fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new ImportRowError(null, null, "不支持旧版 .xls：请另存为 .xlsx 或 CSV UTF-8 · the old .xls format is not read: save as .xlsx or CSV UTF-8"));
            return null;
        }

        return CsvTableReader.Read(bytes, errors);
    }

    public static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The upload is too large",
        detail: $"文件超过 {ImportLimits.MaxUploadBytes / (1024 * 1024)} MB · the file is larger than {ImportLimits.MaxUploadBytes / (1024 * 1024)} MB; split the list",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = ["is too large"] } });

    private static ProblemHttpResult Problem(int status, string field, string message) => TypedResults.Problem(
        statusCode: status, title: "The request is not valid", detail: $"{field} {message}",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
