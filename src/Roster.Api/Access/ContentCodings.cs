using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace Roster.Api.Access;

/// <summary>
/// The content codings a cached answer is kept in besides identity (Brotli, then gzip, in the server's order of preference)
/// and the choice among them for one request's <c>Accept-Encoding</c> (RFC 9110 §12.5.3: a coding with q=0 is refused).
/// </summary>
internal static class ContentCodings
{
    /// <summary>
    /// Answers smaller than this are not kept encoded: the response compression middleware encodes them per request, which
    /// costs little at that size, and a cached answer then holds no second copy.
    /// </summary>
    public const int MinimumLength = 8 * 1024;

    public const string Brotli = "br";

    public const string Gzip = "gzip";

    /// <summary>The best coding the request accepts, or null for identity.</summary>
    public static string? Choose(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        double? brotli = null, gzip = null, any = null;
        foreach (var header in request.Headers[HeaderNames.AcceptEncoding])
        {
            foreach (var part in (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var (name, quality) = Parse(part);
                if (name.Equals(Brotli, StringComparison.OrdinalIgnoreCase))
                {
                    brotli = quality;
                }
                else if (name.Equals(Gzip, StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = quality;
                }
                else if (name == "*")
                {
                    any = quality;
                }
            }
        }

        // A coding not named takes the quality of "*", if any.
        var b = brotli ?? any ?? 0;
        var g = gzip ?? any ?? 0;
        return b > 0 && b >= g ? Brotli : g > 0 ? Gzip : null;
    }

    // Brotli's quality 5 with a 4 MiB window: close to its best ratio on repetitive JSON at a fraction of quality 11's time.
    private const int BrotliQuality = 5;
    private const int BrotliWindow = 22;

    public static byte[] Encode(byte[] body, string coding)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (coding == Brotli)
        {
            var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
            return BrotliEncoder.TryCompress(body, buffer, out var written, BrotliQuality, BrotliWindow)
                ? buffer.AsSpan(0, written).ToArray()
                : throw new InvalidOperationException("Brotli could not encode the answer.");
        }

        using var output = new MemoryStream(body.Length / 8);
        using (var encoder = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            encoder.Write(body);
        }

        return output.ToArray();
    }

    private static (string Name, double Quality) Parse(string part)
    {
        var pieces = part.Split(';', StringSplitOptions.TrimEntries);
        var quality = 1.0;
        foreach (var parameter in pieces.Skip(1))
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && !double.TryParse(parameter.AsSpan(2), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out quality))
            {
                quality = 0;
            }
        }

        return (pieces[0], quality);
    }
}
