namespace Roster.Api.Auth;

/// <summary>The signed-in account's current password and the one it chooses.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
