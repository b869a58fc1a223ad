using System.Text.Json;
using NodaTime;
using Npgsql;
using Roster.Core.Engine;
using Roster.Core.Model;
using Roster.Core.Storage.Auditing;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Generation;

/// <summary>Runs one claimed unit job: load the problem, solve it, store the result as the unit's new draft.</summary>
public sealed class GenerationRunner(NpgsqlDataSource db, IClock clock)
{
    /// <summary>
    /// The stall budget when a request names none: the search ends once its best has not improved for this share of the
    /// time limit (and at least <see cref="MinimumStall"/>).
    /// </summary>
    public const double DefaultStallShare = 0.25;

    public static readonly Duration MinimumStall = Duration.FromSeconds(1);

    /// <summary>
    /// Solves and stores; the hard-rule violations left in the stored draft, or null when the job was no longer this worker's
    /// to finish (cancelled or taken away).
    /// </summary>
    public async Task<int?> RunAsync(RosterJobRow job, int workers, CancellationToken ct)
    {
        RosterInputs inputs;
        await using (var work = await DbWork.BeginAsync(db, ct))
        {
            var period = await PeriodStore.FindAsync(work, job.PeriodId, ct) ?? throw new InvalidOperationException("The period is gone.");
            var unit = await UnitStore.FindAsync(work, job.UnitId, ct) ?? throw new InvalidOperationException("The unit is gone.");
            var draft = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, RosterStatus.Draft, ct);
            var published = await RosterStore.FindByStatusAsync(work, period.Id, unit.Id, RosterStatus.Published, ct);
            inputs = await ProblemLoader.LoadAsync(work, period, unit, draft, published, ct);
            await work.CommitAsync(ct);
        }

        var limit = Duration.FromSeconds(job.Seconds);
        var problem = inputs.Problem with
        {
            Seed = job.Seed,
            TimeLimit = limit,
            MaxIterations = job.Iterations,
            // A reproducible run needs a fixed worker count; one core is the count every machine has.
            Workers = job.Iterations is null ? workers : 1,
            StallLimit = StallLimit(job.StallSeconds, limit),
            Cancellation = ct,
        };
        var solution = await Task.Run(() => RosterSolver.Solve(problem), ct);
        ct.ThrowIfCancellationRequested();
        return await StoreAsync(job, inputs, solution, ct);
    }

    /// <summary>The stall budget: the one asked for, else a quarter of the limit (at least a second); 0 turns it off.</summary>
    public static Duration? StallLimit(float? stallSeconds, Duration limit) => stallSeconds switch
    {
        0 => null,
        { } s => Duration.FromSeconds(s),
        null => Duration.Max(MinimumStall, limit * DefaultStallShare),
    };

    private async Task<int?> StoreAsync(RosterJobRow job, RosterInputs inputs, RosterSolution solution, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        await using var work = await DbWork.BeginAsync(db, ct);
        await RosterStore.LockAsync(work, job.PeriodId, job.UnitId, ct);
        var oldDraft = await RosterStore.FindByStatusAsync(work, job.PeriodId, job.UnitId, RosterStatus.Draft, ct);
        var oldRows = oldDraft is null ? [] : await AssignmentStore.OfVersionAsync(work, oldDraft.Id, ct);
        if (oldDraft is not null)
        {
            await RosterStore.DeleteDraftAsync(work, oldDraft.Id, ct);
        }

        var published = await RosterStore.FindByStatusAsync(work, job.PeriodId, job.UnitId, RosterStatus.Published, ct);
        var unfilled = UnfilledViews.Unfilled(solution, inputs);
        var options = GenerationJson.Options;
        var draft = await RosterStore.InsertDraftAsync(work, job.PeriodId, job.UnitId, published?.Id, job.Id,
            JsonSerializer.Serialize(unfilled, options), JsonSerializer.Serialize(solution.Report.ScoreByRule, options), now, ct);
        var pinned = oldRows.Where(r => r.Pinned).ToDictionary(r => r.SlotKey, StringComparer.Ordinal);
        var rows = solution.Assignments.Select(a =>
        {
            var slot = inputs.Slots[a.Key];
            var kept = pinned.GetValueOrDefault(a.Key);
            return new AssignmentRow
            {
                SlotKey = a.Key, ShiftCode = slot.ShiftCode, Role = slot.Role, DutyDate = slot.Date, PersonId = Guid.Parse(a.Value),
                StartsAt = slot.Start, EndsAt = slot.End, Source = kept?.Source ?? "generated", Pinned = kept is not null,
                Forced = kept?.Forced ?? false, ForceReason = kept?.ForceReason,
            };
        }).ToList();
        await AssignmentStore.InsertManyAsync(work, draft.Id, rows, ct);
        await StandbyStore.InsertManyAsync(work, draft.Id, StandbyRows(inputs, solution), ct);

        var statistics = JsonSerializer.Serialize(new
        {
            solution.Statistics.Iterations,
            solution.Statistics.Seconds,
            solution.Statistics.Workers,
            solution.Statistics.Stalled,
            Slots = inputs.Problem.Slots.Count,
            Assigned = rows.Count,
            Standby = solution.Standby.Assignments.Count,
            StandbyUnfilled = solution.Standby.Unfilled.Count,
            Unfilled = unfilled.Count,
            HardViolations = solution.Report.HardViolations.Count,
            solution.Report.SoftScore,
            // Past the time limit the engine searches on for a legal roster (up to RosterSolver.GraceFactor × the limit);
            // a roster still illegal then is stored as a draft with every broken rule listed, never silently.
            Legal = solution.Report.HardViolations.Count == 0,
            solution.Statistics.GraceSeconds,
            Violations = solution.Report.HardViolations.Select(v => new
            {
                v.RuleType, v.Hard, v.Message, PersonId = v.PersonId is null ? (Guid?)null : Guid.Parse(v.PersonId), SlotKeys = v.SlotIds,
                v.Penalty, v.Data,
            }).ToList(),
            job.Worker,
            job.Attempt,
        }, options);
        var illegal = solution.Report.HardViolations.Count == 0 ? null : IllegalNote(solution.Report.HardViolations.Count);
        await AuditStore.AppendAsync(work, new AuditEntry
        {
            At = now, ActorId = job.RequestedBy, UnitId = job.UnitId, Entity = "roster", EntityId = draft.Id.ToString(),
            Action = "generate", After = statistics,
        }, ct);
        if (!await RosterJobStore.FinishClaimedAsync(work, job, RosterJobStatus.Succeeded, draft.Id, illegal, statistics, now, ct))
        {
            return null;
        }

        if (job.ParentId is { } parent)
        {
            await RosterJobStore.RefreshParentAsync(work, parent, now, ct);
        }

        await work.CommitAsync(ct);
        return solution.Report.HardViolations.Count;
    }

    private static List<StandbyRow> StandbyRows(RosterInputs inputs, RosterSolution solution) =>
        solution.Standby.Assignments.Select(a =>
        {
            var slot = inputs.StandbySlots[a.Key];
            return new StandbyRow
            {
                SlotKey = slot.Key, ShiftCode = slot.ShiftCode, Role = slot.Role, DutyDate = slot.Date, PersonId = Guid.Parse(a.Value),
                StartsAt = slot.Start, EndsAt = slot.End,
            };
        }).ToList();

    /// <summary>Records that the job failed (or was cancelled by shutdown of its own doing), if this worker still holds it.</summary>
    public async Task FailAsync(RosterJobRow job, string error, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        await using var work = await DbWork.BeginAsync(db, ct);
        if (await RosterJobStore.FinishClaimedAsync(work, job, RosterJobStatus.Failed, null, error, null, now, ct) && job.ParentId is { } parent)
        {
            await RosterJobStore.RefreshParentAsync(work, parent, now, ct);
        }

        await work.CommitAsync(ct);
    }

    private static string IllegalNote(int count) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"未找到合规排班：宽限时间（时限的 {RosterSolver.GraceFactor} 倍）结束时仍有 {count} 处违反硬性规则，详见 statistics.violations。"
        + $" / No legal roster found: {count} hard rule violations remain after the grace ({RosterSolver.GraceFactor} × the time limit); see statistics.violations.");
}
