namespace Roster.Api.Auth;

/// <summary>Credentials of a local account.</summary>
public sealed record TokenRequest(string? Username, string? Password);
