namespace Roster.Core.Model;

/// <summary>Finds the state of a type that a code spells.</summary>
public static class StateCodes
{
    /// <summary>The state spelled <paramref name="code"/>, or null when none is.</summary>
    public static T? Find<T>(string? code)
        where T : class, IState<T>
    {
        foreach (var state in T.All)
        {
            if (string.Equals(state.Code, code, StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>The state spelled <paramref name="code"/>; a code outside the set is a bug (the database's checks allow none).</summary>
    public static T Parse<T>(string code)
        where T : class, IState<T> =>
        Find<T>(code) ?? throw new FormatException($"'{code}' is not a {typeof(T).Name}.");

    /// <summary>Every code of the type, in order.</summary>
    public static string[] All<T>()
        where T : class, IState<T> => [.. T.All.Select(s => s.Code)];
}
