using NodaTime;
using Roster.Core.Storage.Inspections;

namespace Roster.Core.Storage.Submissions;

/// <summary>
/// Opens and closes every oversight flag as of <c>now</c>: missed submission deadlines, inspections behind their minimum,
/// overdue hazards. Idempotent; run by the scheduler's duty-watch job and by <c>POST /oversight:scan</c>, never by a read.
/// </summary>
public static class OversightScan
{
    public static async Task<int> RunAsync(DbWork work, Instant now, CancellationToken ct)
    {
        var changed = await OversightFlagStore.ScanSubmissionsAsync(work, now, ct);
        changed += await InspectionFlagScan.RunAsync(work, now, ct);
        return changed;
    }
}
