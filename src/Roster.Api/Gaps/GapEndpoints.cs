using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Gaps;

namespace Roster.Api.Gaps;

/// <summary>Coverage gaps, for admins of a unit and supervisors above it (a supervisor sees the whole subtree).</summary>
internal static class GapEndpoints
{
    private static readonly string[] Statuses = ["open", "resolved", "all"];

    public static void MapGaps(this IEndpointRouteBuilder api) => api.MapGet("/gaps", ListAsync).WithTags("Gaps")
        .AddEndpointFilter<ConditionalGet>().Produces(StatusCodes.Status304NotModified);

    /// <summary>Gaps overlapping [from, to), ordered by start; <c>unit</c> narrows to that unit's subtree.</summary>
    private static async Task<Results<Ok<Page<GapResponse>>, ProblemHttpResult>> ListAsync(
        Guid? unit, string? status, string? from, string? to, string? limit, string? after,
        AccessScope access, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var problem))
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (status is not null && !Statuses.Contains(status))
        {
            errors.Add("status", "must be open, resolved or all");
        }

        var fromAt = InstantQuery.Parse(errors, "from", from);
        var toAt = InstantQuery.Parse(errors, "to", to);
        var cursor = page.After is null ? null : ParseCursor(Cursor.Decode(page.After));
        if (page.After is not null && cursor is null)
        {
            errors.Add("after", "is not a cursor returned by this list");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var overseen = await access.OverseenAsync(work, ct);
        IReadOnlyCollection<Guid> units = overseen;
        if (unit is { } unitId)
        {
            if (!overseen.Contains(unitId))
            {
                return ApiProblems.NotFound("unit");
            }

            units = [.. (await access.SubtreeAsync(work, unitId, ct)).Where(overseen.Contains)];
        }

        var rows = await GapStore.ListAsync(
            work, units, status is null or "all" ? null : status, fromAt, toAt, cursor, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, CursorOf, GapResponse.From));
    }

    private static string CursorOf(GapRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"{row.StartsAt.ToUnixTimeTicks()}|{row.Id}");

    private static (Instant, Guid)? ParseCursor(string? text)
    {
        var parts = text?.Split('|');
        return parts is { Length: 2 } && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && Guid.TryParse(parts[1], out var id)
            && ticks >= Instant.MinValue.ToUnixTimeTicks() && ticks <= Instant.MaxValue.ToUnixTimeTicks()
            ? (Instant.FromUnixTimeTicks(ticks), id)
            : null;
    }
}
