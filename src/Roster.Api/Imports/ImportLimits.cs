namespace Roster.Api.Imports;

/// <summary>How large an import may be. A bureau's staff list is a few hundred rows; 20,000 is a whole city.</summary>
internal static class ImportLimits
{
    /// <summary>The largest upload accepted (a 20,000-row XLSX is about 1 MB); more answers 413.</summary>
    public const long MaxUploadBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The most an XLSX may expand to when unzipped, all parts together. A zip bomb (shared strings that expand past
    /// 100 MB from a small file) is refused while it is being counted, before any of it is parsed or kept.
    /// </summary>
    public const long MaxExpandedBytes = 64 * 1024 * 1024;

    public const int MaxRows = 50_000;

    public const int MaxColumns = 64;

    /// <summary>How many rows an import answer echoes back for a page to show errors beside.</summary>
    public const int MaxPreviewRows = 1000;
}
