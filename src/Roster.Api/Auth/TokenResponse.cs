using NodaTime;

namespace Roster.Api.Auth;

/// <summary>
/// A bearer token for the <c>Authorization</c> header, and when it stops working. With
/// <see cref="PasswordChangeRequired"/> it opens only <c>GET /me</c> and <c>POST /me/password</c>.
/// </summary>
public sealed record TokenResponse(string AccessToken, Instant ExpiresAt, bool PasswordChangeRequired, string TokenType = "Bearer");
