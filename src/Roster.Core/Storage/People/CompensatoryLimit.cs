using NodaTime;
using Roster.Core.Storage.Statistics;

namespace Roster.Core.Storage.People;

/// <summary>Compensatory leave (补休) may not spend more hours than the person's balance.</summary>
public static class CompensatoryLimit
{
    /// <summary>
    /// Null when <paramref name="leave"/> is not compensatory, not live (rejected, cancelled) or fits the balance; else the
    /// balance it exceeds. Holds a lock on the person's balance until the transaction ends, so two requests cannot both
    /// spend the same hours.
    /// </summary>
    public static async Task<CompensatoryBalance?> ExceededAsync(
        DbWork work, Guid personId, LeaveRow leave, Guid? leaveId, Instant now, CancellationToken ct)
    {
        if (leave.Kind != "compensatory" || !leave.Status.IsLive || leave.Hours is not { } hours)
        {
            return null;
        }

        await work.LockAsync($"compensatory:{personId}", ct);
        var balance = await CompensatoryBalance.OfAsync(work, personId, now, leaveId, ct);
        return hours <= balance.Balance ? null : balance;
    }
}
