using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Problems;

namespace Roster.Api.Paging;

/// <summary>Keyset pagination: at most <see cref="Limit"/> items after the opaque cursor <see cref="After"/>.</summary>
internal sealed record PageRequest(int Limit, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static bool TryParse(string? limit, string? after, out PageRequest page, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        page = new PageRequest(DefaultLimit, null);
        problem = null;
        var value = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out value) || value < 1 || value > MaxLimit))
        {
            problem = ApiProblems.Invalid("limit", $"must be a whole number from 1 to {MaxLimit}");
            return false;
        }

        if (after is not null && (after.Length > 200 || Cursor.Decode(after) is null))
        {
            problem = ApiProblems.Invalid("after", "is not a cursor returned by this list");
            return false;
        }

        page = new PageRequest(value, after);
        return true;
    }

    public Guid? AfterId => After is null ? null : Guid.TryParse(Cursor.Decode(After), out var id) ? id : null;

    /// <summary>The cursor as a number, for lists ordered by a bigint key.</summary>
    public long? AfterNumber => After is null ? null : long.TryParse(Cursor.Decode(After), out var n) ? n : null;
}
