using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Feeds;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Units;

namespace Roster.Api.Feeds;

/// <summary>
/// Who may manage calendar feeds: a person's own feeds by that person (the account linked to them) or an administrator
/// of their unit; a unit's feed by its administrators and supervisors. Outside the caller's units: 404; visible but not
/// theirs to manage: 403.
/// </summary>
internal static class CalendarTokenAccess
{
    /// <summary>The unit the feeds of the owner belong to (for the audit trail), or the problem to answer.</summary>
    public static async Task<Found<Guid>> PersonAsync(
        DbWork work, Guid personId, AccessScope access, CancellationToken ct)
    {
        var person = await PersonStore.FindAsync(work, personId, ct);
        if (person is null || !await access.CanReadAsync(work, person.UnitId, ct))
        {
            return ApiProblems.NotFound("person");
        }

        if (await access.CanAdministerAsync(work, person.UnitId, ct))
        {
            return person.UnitId;
        }

        var account = await AccountStore.FindAsync(work, access.AccountId, ct);
        return account?.PersonId == personId
            ? person.UnitId
            : ApiProblems.Forbidden("Only the person or an administrator of their unit may manage their calendar feeds.");
    }

    public static async Task<Found<Guid>> UnitAsync(
        DbWork work, Guid unitId, AccessScope access, CancellationToken ct)
    {
        var unit = await UnitStore.FindAsync(work, unitId, ct);
        if (unit is null || !await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        return (await access.OverseenAsync(work, ct)).Contains(unitId)
            ? unitId
            : ApiProblems.Forbidden("Only administrators and supervisors of the unit may manage its calendar feeds.");
    }

    public static Task<Found<Guid>> TokenAsync(
        DbWork work, CalendarTokenRow token, AccessScope access, CancellationToken ct) =>
        token.PersonId is { } personId
            ? PersonAsync(work, personId, access, ct)
            : UnitAsync(work, token.UnitId!.Value, access, ct);
}
