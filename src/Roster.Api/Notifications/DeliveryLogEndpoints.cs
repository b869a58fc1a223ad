using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Access;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.Notifications;

namespace Roster.Api.Notifications;

/// <summary>The delivery log (email and webhooks, with attempts), for the admins of the units concerned.</summary>
internal static class DeliveryLogEndpoints
{
    private static readonly string[] Statuses = ["pending", "sent", "failed"];

    public static void MapDeliveryLog(this ApiGroups groups) =>
        groups.Work.MapGet("/notifications/deliveries", ListAsync).WithTags("Notifications");

    private static async Task<Results<Ok<Page<DeliveryResponse>>, ProblemHttpResult>> ListAsync(
        Guid? unit, string? status, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var problem))
        {
            return problem;
        }

        if (page.After is not null && page.AfterNumber is null)
        {
            return ApiProblems.Invalid("after", "is not a cursor returned by this list");
        }

        if (status is not null && !Statuses.Contains(status))
        {
            return ApiProblems.Invalid("status", "must be pending, sent or failed");
        }

        var work = transaction.Work;
        var administered = await access.AdministeredAsync(work, ct);
        IReadOnlyCollection<Guid> units = administered;
        if (unit is { } unitId)
        {
            if (!administered.Contains(unitId))
            {
                return ApiProblems.NotFound("unit");
            }

            units = [unitId];
        }

        var rows = await DeliveryLogStore.ListAsync(work, units, status, page.AfterNumber, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(CultureInfo.InvariantCulture), DeliveryResponse.From));
    }
}
