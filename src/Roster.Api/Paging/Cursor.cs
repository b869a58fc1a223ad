using System.Buffers.Text;
using System.Text;

namespace Roster.Api.Paging;

/// <summary>Opaque cursors: the last key of a page, base64url-encoded so that clients do not build them.</summary>
internal static class Cursor
{
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static string? Decode(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
