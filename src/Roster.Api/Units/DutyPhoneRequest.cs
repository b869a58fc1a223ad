namespace Roster.Api.Units;

/// <summary>The duty office phone to show for a unit (up to 40 characters: digits, spaces, + - ( )); null clears it.</summary>
public sealed record DutyPhoneRequest(string? DutyPhone);
