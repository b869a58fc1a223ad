using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Access;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.Auditing;

namespace Roster.Api.Auditing;

/// <summary>The audit trail, for admins and supervisors of the units it concerns.</summary>
internal static class AuditEndpoints
{
    public static void MapAudit(this ApiGroups groups) => groups.Work.MapGet("/audit", ListAsync).WithTags("Audit");

    private static async Task<Results<Ok<Page<AuditResponse>>, ProblemHttpResult>> ListAsync(
        Guid? unit, string? entity, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var problem))
        {
            return problem;
        }

        if (page.After is not null && page.AfterNumber is null)
        {
            return ApiProblems.Invalid("after", "is not a cursor returned by this list");
        }

        if (entity is { Length: > 32 })
        {
            return ApiProblems.Invalid("entity", "must be at most 32 characters");
        }

        var work = transaction.Work;
        var overseen = await access.OverseenAsync(work, ct);
        IReadOnlyCollection<Guid> units = overseen;
        if (unit is { } unitId)
        {
            if (!overseen.Contains(unitId))
            {
                return ApiProblems.NotFound("unit");
            }

            units = [unitId];
        }

        var rows = await AuditStore.ListAsync(work, units, entity, page.AfterNumber, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(CultureInfo.InvariantCulture), AuditResponse.From));
    }
}
