using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.Duty;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.SpotChecks;

/// <summary>Spot checks (随机抽查): supervisors draw people on duty now, call them, and record what they found.</summary>
internal static class SpotCheckEndpoints
{
    private static readonly string[] Outcomes = ["on_post", "elsewhere", "not_reached"];

    public static void MapSpotChecks(this ApiGroups groups)
    {
        groups.Work.MapPost("/spot-checks", DrawAsync).WithTags("Spot checks");
        groups.Work.MapPost("/spot-check-items/{id:guid}:record", RecordAsync).WithTags("Spot checks");
        groups.Work.MapGet("/spot-checks/results", ResultsAsync).WithTags("Spot checks");
    }

    private static async Task<Results<Created<SpotCheckResponse>, ProblemHttpResult>> DrawAsync(
        SpotCheckRequest request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var unitId = errors.Required("unitId", request.UnitId);
        var count = request.Count ?? 5;
        if (count is < 1 or > 50)
        {
            errors.Add("count", "must be from 1 to 50");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if (!await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!(await access.SupervisedAsync(work, ct)).Contains(unitId))
        {
            return ApiProblems.Forbidden("Only supervisors run spot checks.");
        }

        var now = clock.GetCurrentInstant();
        var seed = request.Seed ?? unchecked((int)now.ToUnixTimeTicks());
        var subtree = await UnitStore.SubtreeAsync(work, unitId, ct);
        var onDuty = await AssignmentStore.OnDutyAtAsync(work, subtree, now, ct);
        // A seeded shuffle: the draw is random for the people checked, and repeatable from the stored seed.
        var drawn = onDuty.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(drawn));
        var checkId = await SpotCheckStore.InsertAsync(work, unitId, access.AccountId, now, seed, ct);
        var items = new List<SpotCheckItemResponse>();
        foreach (var d in drawn.Take(count))
        {
            var person = await PersonStore.FindAsync(work, d.PersonId, ct);
            var unit = await UnitStore.FindAsync(work, d.UnitId, ct);
            var item = await SpotCheckStore.InsertItemAsync(work, new SpotCheckItemRow
            {
                SpotCheckId = checkId, UnitId = d.UnitId, PeriodId = d.PeriodId, SlotKey = d.SlotKey, PersonId = d.PersonId, Phone = person?.Phone,
            }, ct);
            items.Add(SpotCheckItemResponse.From(item, unit?.Name ?? "", person?.Name ?? ""));
        }

        var body = new SpotCheckResponse(checkId, unitId, now, seed, onDuty.Count, items);
        await audit.RecordAsync(work, unitId, "spot-check", checkId, "draw", null, body, ct);
        return TypedResults.Created($"/api/v1/spot-checks/{checkId}", body);
    }

    private static async Task<Results<Ok<SpotCheckItemResponse>, ProblemHttpResult>> RecordAsync(
        Guid id, SpotCheckOutcomeRequest request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Outcome is null || !Outcomes.Contains(request.Outcome))
        {
            errors.Add("outcome", "must be on_post, elsewhere or not_reached");
        }

        var note = errors.OptionalText("note", request.Note, 2000);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        var item = await SpotCheckStore.FindItemAsync(work, id, ct);
        if (item is null || !await access.CanReadAsync(work, item.UnitId, ct))
        {
            return ApiProblems.NotFound("spot check item");
        }

        if (!(await access.SupervisedAsync(work, ct)).Contains(item.UnitId))
        {
            return ApiProblems.Forbidden("Only supervisors record spot check outcomes.");
        }

        var saved = await SpotCheckStore.RecordAsync(work, id, request.Outcome!, note, access.AccountId, clock.GetCurrentInstant(), ct);
        var person = await PersonStore.FindAsync(work, item.PersonId, ct);
        var unit = await UnitStore.FindAsync(work, item.UnitId, ct);
        var body = SpotCheckItemResponse.From(saved!, unit?.Name ?? "", person?.Name ?? "");
        var before = item.Outcome is null ? null : SpotCheckItemResponse.From(item, unit?.Name ?? "", person?.Name ?? "");
        await audit.RecordAsync(work, item.UnitId, "spot-check", id, before is null ? "record" : "re-record", before, body, ct);
        return TypedResults.Ok(body);
    }

    /// <summary>Per unit of the subtree: people drawn and outcomes, optionally for one period.</summary>
    private static async Task<Results<Ok<IReadOnlyList<SpotCheckTally>>, ProblemHttpResult>> ResultsAsync(
        Guid? unit, Guid? period, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var overseen = await access.OverseenAsync(work, ct);
        if (unit is { } u && !overseen.Contains(u))
        {
            return ApiProblems.NotFound("unit");
        }

        IReadOnlyCollection<Guid> units = unit is { } root ? await UnitStore.SubtreeAsync(work, root, ct) : overseen;
        return TypedResults.Ok(await SpotCheckStore.TallyAsync(work, units, period, ct));
    }
}
