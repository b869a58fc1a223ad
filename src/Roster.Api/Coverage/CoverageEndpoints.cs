using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Coverage;
using Roster.Core.Storage.Units;

namespace Roster.Api.Coverage;

/// <summary>Coverage per unit per day for a subtree: what supervisors watch during a critical period.</summary>
internal static class CoverageEndpoints
{
    /// <summary>The longest range one request may ask for, in days.</summary>
    public const int MaxDays = 62;

    public static void MapCoverage(this IEndpointRouteBuilder api) => api.MapGet("/coverage", GetAsync).WithTags("Coverage")
        .Produces(StatusCodes.Status304NotModified);

    /// <summary>Dates from <c>from</c> to <c>to</c>, both included, for the unit and every unit below it that the account oversees.</summary>
    private static async Task<Results<TaggedJson<CoverageResponse>, ProblemHttpResult>> GetAsync(
        Guid? unit, string? from, string? to, AccessScope access, NpgsqlDataSource db, ReadAnswers cache, CoverageCells cells, IOptions<JsonOptions> json,
        HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var unitId = errors.Required("unit", unit);
        var first = errors.Required("from", QueryValues.Date(errors, "from", from));
        var last = errors.Required("to", QueryValues.Date(errors, "to", to));
        if (!errors.Any && last < first)
        {
            errors.Add("to", "must not be before from");
        }
        else if (!errors.Any && Period.Between(first, last, PeriodUnits.Days).Days >= MaxDays)
        {
            errors.Add("to", $"must be less than {MaxDays} days after from");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        // The key holds the grants and tree revision this request's session check read: a hit passed the 404 check below.
        var session = http.Features.Get<RequestSession>();
        var request = FormattableString.Invariant($"coverage|{unitId}|{first:R}|{last:R}");
        if (session is not null && cache.Find<CoverageResponse>(session, request) is { } cached)
        {
            return cached;
        }

        var generation = cache.Generation;
        await using var work = await DbWork.BeginAsync(db, ct);
        var overseen = await access.OverseenAsync(work, ct);
        if (!overseen.Contains(unitId))
        {
            return ApiProblems.NotFound("unit");
        }

        // A fixed number of SQL commands whatever the size of the subtree; units that keep no roster get no row (see CoverageReader).
        var subtree = (await access.SubtreeAsync(work, unitId, ct)).Where(overseen.Contains).ToList();
        var rows = (await UnitStore.ListAsync(work, subtree, null, null, subtree.Count, ct))
            .OrderBy(u => u.Id).ToList();
        var names = rows.ToDictionary(u => u.Id, u => u.Name);
        var days = await CoverageReader.ForUnitsAsync(work, rows, first, last, ct, cells);
        var items = days.Select(d => new CoverageDayResponse(d.UnitId, names[d.UnitId], d.Date, d.Required, d.Filled, d.OpenGaps)).ToList();
        var answer = TaggedJson<CoverageResponse>.Of(new CoverageResponse(items), json.Value.SerializerOptions);
        if (session is not null)
        {
            cache.Store(session, request, generation, answer);
        }

        return answer;
    }
}
