namespace Roster.Api.Imports;

/// <summary>
/// The answer to an import: counts of created, updated and unchanged rows, every row error, the CSV encoding read
/// (null for XLSX), the first rows as read (<c>preview</c>, so that a page shows each error beside its row), and for a committed people import the new accounts with their slips (an XLSX, base64) — the only
/// time their one-time passwords are shown.
/// </summary>
public sealed record ImportResponse(
    bool DryRun, bool Valid, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors,
    string? Encoding, ImportAccountsResponse? Accounts, IReadOnlyList<ImportPreviewRow>? Preview = null);
