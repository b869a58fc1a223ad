using Roster.Api.Problems;
using Roster.Core.Storage;

namespace Roster.Api.Access;

/// <summary>The one check before changing a row that belongs to a unit: the caller sees the unit and administers it.</summary>
internal static class AdministeredRows
{
    /// <summary>
    /// <paramref name="row"/> when the caller may change it: 404 naming <paramref name="what"/> when there is no such row or
    /// its unit lies outside the caller's grants, 403 with <paramref name="forbidden"/> when the caller only reads the unit.
    /// </summary>
    public static async Task<Found<T>> CheckAsync<T>(
        DbWork work, T? row, Func<T, Guid> unitOf, AccessScope access, string what, string forbidden, CancellationToken ct)
        where T : class
    {
        if (row is null || !await access.CanReadAsync(work, unitOf(row), ct))
        {
            return ApiProblems.NotFound(what);
        }

        return await access.CanAdministerAsync(work, unitOf(row), ct) ? row : ApiProblems.Forbidden(forbidden);
    }
}
