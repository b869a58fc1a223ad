using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Core.Storage;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Statistics;

namespace Roster.Api.People;

/// <summary>Compensatory leave (补休) may not spend more hours than the person's balance.</summary>
internal static class CompensatoryCheck
{
    /// <summary>
    /// Null when <paramref name="leave"/> is not compensatory, not live (rejected, cancelled) or fits the balance; else a
    /// 422 naming <c>hours</c> with the balance. Holds a lock on the person's balance until the transaction ends, so two
    /// requests cannot both spend the same hours.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefuseAsync(
        DbWork work, Guid personId, LeaveRow leave, Guid? leaveId, Instant now, CancellationToken ct)
    {
        if (leave.Kind != "compensatory" || !leave.Status.IsLive || leave.Hours is not { } hours)
        {
            return null;
        }

        await work.LockAsync($"compensatory:{personId}", ct);
        var balance = await CompensatoryBalance.OfAsync(work, personId, now, leaveId, ct);
        if (hours <= balance.Balance)
        {
            return null;
        }

        var message = $"is more than the compensatory balance of {balance.Balance} hours (补休余额不足)";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The request breaks a rule",
            detail: $"hours {message}",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { ["hours"] = [message] },
                ["balance"] = balance.Balance,
                ["earned"] = balance.Earned,
                ["taken"] = balance.Taken,
            });
    }
}
