using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Feeds;
using Roster.Core.Storage.People;

namespace Roster.Api.Feeds;

/// <summary>
/// A feed address is served only while whoever made it could still make it: the creator's account is active and still
/// manages the unit (or the person), and a person's feed stops when the person has left (is no longer active).
/// </summary>
internal static class FeedValidity
{
    public static async Task<bool> StillValidAsync(DbWork work, CalendarTokenRow token, CancellationToken ct)
    {
        if (token.CreatedBy is not { } creatorId || await AccountStore.FindAsync(work, creatorId, ct) is not { Active: true } creator)
        {
            return false;
        }

        if (token.UnitId is { } unitId)
        {
            var managed = await AccessStore.SubtreesOfGrantsAsync(work, creatorId, [GrantRoles.Admin, GrantRoles.Supervisor], ct);
            return managed.Contains(unitId);
        }

        var person = await PersonStore.FindAsync(work, token.PersonId!.Value, ct);
        if (person is not { Active: true })
        {
            return false;
        }

        if (creator.PersonId == person.Id)
        {
            return true;
        }

        var administered = await AccessStore.SubtreesOfGrantsAsync(work, creatorId, [GrantRoles.Admin], ct);
        return administered.Contains(person.UnitId);
    }
}
