namespace Roster.Api.Paging;

/// <summary>One page of a list. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

internal static class Page
{
    /// <summary>
    /// Builds a page from rows fetched with <c>limit + 1</c>: the extra row only says that another page exists.
    /// </summary>
    public static Page<TOut> Of<TIn, TOut>(IReadOnlyList<TIn> rows, int limit, Func<TIn, string> key, Func<TIn, TOut> map)
    {
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? Cursor.Encode(key(items[^1])) : null;
        return new Page<TOut>(items.Select(map).ToList(), next);
    }
}
