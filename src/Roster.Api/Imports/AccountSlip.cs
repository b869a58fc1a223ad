namespace Roster.Api.Imports;

/// <summary>One account slip: who, where, the username and the one-time password to change at first sign-in.</summary>
internal sealed record AccountSlip(string Name, string StaffNumber, string UnitPath, string UnitName, string Username, string OneTimePassword);
