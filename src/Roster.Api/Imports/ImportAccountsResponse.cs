namespace Roster.Api.Imports;

/// <summary>
/// Accounts a people import creates (<c>created</c>, counted on a dry run too). On a commit, <c>slipsXlsx</c> holds the
/// account slips (base64 of an XLSX named <c>slipsFileName</c>) with the one-time passwords; it is never shown again.
/// </summary>
public sealed record ImportAccountsResponse(int Created, int Unchanged, string? SlipsFileName, string? SlipsXlsx);
