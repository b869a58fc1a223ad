using NodaTime;

namespace Roster.Api.Auth;

/// <summary>A bearer token for the <c>Authorization</c> header, and when it stops working.</summary>
public sealed record TokenResponse(string AccessToken, Instant ExpiresAt, string TokenType = "Bearer");
