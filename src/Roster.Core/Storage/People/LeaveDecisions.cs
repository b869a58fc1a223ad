using NodaTime;
using Roster.Core.Leave;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.People;

/// <summary>
/// An administrator approves or rejects a requested leave; approval re-checks the unit's published rosters and shows the
/// duties it uncovers with ranked replacements. The caller has checked that it administers the person's unit; the caller commits.
/// </summary>
public static class LeaveDecisions
{
    public static async Task<LeaveOutcome> DecideAsync(
        DbWork work, LeaveRow leave, PersonRow person, LeaveStatus decision, string? note, Guid? caller, IClock clock, CancellationToken ct)
    {
        if (LeaveRules.ApprovesOwn(decision, caller, leave.PersonId))
        {
            return new LeaveOutcome.Forbidden("Separation of duties: nobody approves their own leave; another administrator decides.");
        }

        if (leave.Status != LeaveStatus.Requested)
        {
            return new LeaveOutcome.Conflict($"The leave is already {leave.Status}.", "status");
        }

        var decided = await LeaveStore.UpdateAsync(work, new LeaveRow
        {
            Id = leave.Id, PersonId = leave.PersonId, FirstDay = leave.FirstDay, LastDay = leave.LastDay, Kind = leave.Kind, Status = decision,
            Reason = LeaveRules.WithNote(leave.Reason, note), Hours = leave.Hours, Version = leave.Version,
        }, ct);
        if (decided is null)
        {
            return new LeaveOutcome.Stale();
        }

        var affected = decision == LeaveStatus.Approved ? await AffectedAsync(work, decided, person, ct) : [];
        if (decision == LeaveStatus.Approved)
        {
            await PublishedRosterChanges.AfterPeopleChangedAsync(work, person.UnitId, clock.GetCurrentInstant(), ct);
        }

        return new LeaveOutcome.Decided(decided, affected);
    }

    private static async Task<IReadOnlyList<AffectedDuty>> AffectedAsync(DbWork work, LeaveRow leave, PersonRow person, CancellationToken ct)
    {
        var duties = await AssignmentStore.PublishedOfPersonAsync(work, person.Id, leave.FirstDay, leave.LastDay, ct);
        var unit = await UnitStore.FindAsync(work, person.UnitId, ct);
        var result = new List<AffectedDuty>();
        foreach (var duty in duties)
        {
            var version = await RosterStore.FindAsync(work, duty.RosterVersionId, ct);
            var period = version is null ? null : await PeriodStore.FindAsync(work, version.PeriodId, ct);
            if (version is null || period is null || unit is null)
            {
                continue;
            }

            var candidates = await Replacements.RankAsync(work, period, unit, duty.SlotKey, ct);
            result.Add(new AffectedDuty(period.Id, version.UnitId, duty.SlotKey, duty.StartsAt, duty.EndsAt, candidates));
        }

        return result;
    }
}
