using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Units;

namespace Roster.Api.Units;

/// <summary>
/// Checks the tree changes of a unit update: a move (new parent) and a deactivation. Both need an administrator of the
/// unit above (a unit's own administrators cannot move or switch off the unit their grant is on); a move's new parent
/// must be administered by the caller too and must not lie in the unit's own subtree.
/// </summary>
internal static class UnitMoves
{
    public static async Task<ProblemHttpResult?> CheckAsync(
        DbWork work, UnitRow unit, UnitRequest request, AccessScope access, CancellationToken ct)
    {
        var moves = request.ParentId is { } parent && parent != unit.ParentId;
        var switches = request.Active is { } active && active != unit.Active;
        if (!moves && !switches)
        {
            return null;
        }

        if (unit.ParentId is not { } oldParent || !await access.CanAdministerAsync(work, oldParent, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit above may move or deactivate a unit.");
        }

        if (!moves)
        {
            return null;
        }

        var newParent = request.ParentId!.Value;
        if (!await access.CanAdministerAsync(work, newParent, ct))
        {
            return ApiProblems.Invalid("parentId", "is not a unit you administer");
        }

        await work.LockAsync(UnitStore.TreeLockKey, ct);
        if ((await UnitStore.SubtreeAsync(work, unit.Id, ct)).Contains(newParent))
        {
            return ApiProblems.Unprocessable(new FieldErrors().Add("parentId", "lies below the unit itself; a unit cannot move into its own subtree"));
        }

        return null;
    }
}
