using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Core.Leave;
using Roster.Core.Storage;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.People;

/// <summary>Admins approve or reject leave requests; approval shows the duties it uncovers and ranked replacements.</summary>
internal static class LeaveDecisionEndpoints
{
    public static void MapLeaveDecisions(this IEndpointRouteBuilder api)
    {
        api.MapPost("/leaves/{id:guid}:approve", (Guid id, LeaveDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db, CancellationToken ct)
            => DecideAsync(id, LeaveStatus.Approved, request, access, audit, clock, db, ct)).WithTags("Leave");
        api.MapPost("/leaves/{id:guid}:reject", (Guid id, LeaveDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db, CancellationToken ct)
            => DecideAsync(id, LeaveStatus.Rejected, request, access, audit, clock, db, ct)).WithTags("Leave");
    }

    private static async Task<Results<Ok<LeaveDecisionResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, LeaveStatus status, LeaveDecisionRequest? request, AccessScope access, Auditor audit, IClock clock, NpgsqlDataSource db,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.OptionalText("note", request?.Note, 500);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        await using var work = await DbWork.BeginAsync(db, ct);
        var leave = await LeaveStore.FindAsync(work, id, ct);
        var person = leave is null ? null : await PersonStore.FindAsync(work, leave.PersonId, ct);
        if (leave is null || person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("leave");
        }

        if (!await access.CanAdministerAsync(work, person.UnitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the person's unit decides on leave.");
        }

        if (status == LeaveStatus.Approved && await access.PersonIdAsync(work, ct) == leave.PersonId)
        {
            return ApiProblems.Forbidden("Separation of duties: nobody approves their own leave; another administrator decides.");
        }

        if (leave.Status != LeaveStatus.Requested)
        {
            return ApiProblems.Conflict($"The leave is already {leave.Status}.", "status");
        }

        var decided = await LeaveStore.UpdateAsync(work, new LeaveRow
        {
            Id = id, PersonId = leave.PersonId, FirstDay = leave.FirstDay, LastDay = leave.LastDay, Kind = leave.Kind, Status = status,
            Reason = note is null ? leave.Reason : $"{leave.Reason} | {note}".Trim(' ', '|'), Hours = leave.Hours, Version = leave.Version,
        }, ct);
        if (decided is null)
        {
            return ApiProblems.Stale();
        }

        var affected = status == LeaveStatus.Approved ? await AffectedAsync(work, decided, person, ct) : [];
        if (status == LeaveStatus.Approved)
        {
            await PublishedRosterChanges.AfterPeopleChangedAsync(work, person.UnitId, clock.GetCurrentInstant(), ct);
        }

        var body = LeaveResponse.From(decided);
        await audit.RecordAsync(work, person.UnitId, "leave", id, status == LeaveStatus.Approved ? "approve" : "reject",
            LeaveResponse.From(leave), body, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new LeaveDecisionResponse(body, affected));
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
