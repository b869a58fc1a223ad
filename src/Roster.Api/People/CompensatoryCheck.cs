using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Core.Storage;
using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>The answer when compensatory leave (补休) would spend more hours than the person's balance (Core's <see cref="CompensatoryLimit"/>).</summary>
internal static class CompensatoryCheck
{
    /// <summary>
    /// Null when <paramref name="leave"/> may spend its hours; else a 422 naming <c>hours</c> with the balance. Holds a lock
    /// on the person's balance until the transaction ends.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefuseAsync(
        DbWork work, Guid personId, LeaveRow leave, Guid? leaveId, Instant now, CancellationToken ct)
    {
        if (await CompensatoryLimit.ExceededAsync(work, personId, leave, leaveId, now, ct) is not { } balance)
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
