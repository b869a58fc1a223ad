using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Roster.Api.Feeds;

/// <summary>
/// Makes and hashes feed tokens. A token is 256 random bits in base64url (43 characters): guessing one is hopeless,
/// so the token alone may open a feed. Only its SHA-256 is stored.
/// </summary>
internal static class CalendarTokens
{
    private const int TokenBytes = 32;
    private const int TokenLength = 43;

    public static (string Token, byte[] Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    /// <summary>True when <paramref name="token"/> has the shape of a token we issue (checked before any lookup).</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == TokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string FeedPath(string token) => $"/feeds/{token}.ics";
}
