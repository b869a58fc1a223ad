namespace Roster.Api.Imports;

/// <summary>What an import found and (when committed) did.</summary>
internal sealed class ImportOutcome
{
    public int Rows { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public List<ImportRowError> Errors { get; } = [];

    /// <summary>The first rows as read (see <see cref="ImportLimits.MaxPreviewRows"/>).</summary>
    public List<ImportPreviewRow> Preview { get; } = [];

    /// <summary>Accounts created by this import, with their one-time passwords (handed out once, as slips).</summary>
    public List<AccountSlip> Slips { get; } = [];

    /// <summary>Units whose people changed (their published rosters are re-checked for gaps).</summary>
    public HashSet<Guid> ChangedUnits { get; } = [];
}
