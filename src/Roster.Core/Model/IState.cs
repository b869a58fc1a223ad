namespace Roster.Core.Model;

/// <summary>
/// A closed set of states, each spelled by one lower-case code in the database and on the wire. The type holds the
/// spellings; Dapper reads and writes them through <c>StateTypeHandler</c>, and responses send <see cref="Code"/>.
/// SQL spells a state as a literal where it is a constant of the statement, so the partial indexes on it still apply.
/// </summary>
/// <typeparam name="TSelf">The state type itself.</typeparam>
public interface IState<TSelf>
    where TSelf : class, IState<TSelf>
{
    /// <summary>Every state, in the order the API documents them.</summary>
    static abstract IReadOnlyList<TSelf> All { get; }

    /// <summary>The spelling stored and sent, e.g. <c>published</c>.</summary>
    string Code { get; }
}
