using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Statistics;

namespace Roster.Api.People;

/// <summary>The compensatory balance a leave form shows before a compensatory leave is asked for.</summary>
internal static class CompensatoryBalanceEndpoints
{
    public static void MapCompensatoryBalance(this ApiGroups groups) =>
        groups.Work.MapGet("/people/{personId:guid}/compensatory-balance", GetAsync).WithTags("Leave");

    /// <summary>The person themself, and administrators and supervisors of their unit; others who may see the unit get 403.</summary>
    private static async Task<Results<Ok<CompensatoryBalanceResponse>, ProblemHttpResult>> GetAsync(
        Guid personId, AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var person = await PersonStore.FindAsync(work, personId, ct);
        if (person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("person");
        }

        if (await access.PersonIdAsync(work, ct) != personId
            && !(await access.OverseenAsync(work, ct)).Contains(person.UnitId))
        {
            return ApiProblems.Forbidden("Only the person themself and the unit's administrators and supervisors see the balance.");
        }

        var balance = await CompensatoryBalance.OfAsync(work, personId, clock.GetCurrentInstant(), null, ct);
        return TypedResults.Ok(new CompensatoryBalanceResponse(personId, balance.Earned, balance.Taken, balance.Balance));
    }
}
