using System.Collections.Concurrent;

namespace Roster.Api.Access;

/// <summary>
/// Unit sets expanded from grants, shared by every request that read the same grants and the same unit tree revision
/// (see <see cref="Roster.Core.Storage.Accounts.RequestSession"/>): a grant or tree change gives a new key at once, so a
/// revoked grant takes effect on the next request. Bounded: cleared when it holds too many keys.
/// </summary>
internal sealed class AccessSnapshots
{
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<(string Grants, long TreeRevision, string Kind), Guid[]> _sets = new();

    public async Task<Guid[]> GetAsync(string grants, long treeRevision, string kind, Func<Task<IReadOnlyList<Guid>>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var key = (grants, treeRevision, kind);
        if (_sets.TryGetValue(key, out var set))
        {
            return set;
        }

        set = [.. await load()];
        if (_sets.Count >= MaxEntries)
        {
            _sets.Clear();
        }

        _sets[key] = set;
        return set;
    }
}
