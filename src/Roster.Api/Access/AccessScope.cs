using System.Security.Claims;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Units;

namespace Roster.Api.Access;

/// <summary>
/// What the signed-in account may see and change. A grant on a unit covers its whole subtree. The grants are read on every
/// request (by the session check, with the unit tree's revision), so a revoked grant takes effect at once; the subtrees
/// they expand to are shared between requests that read the same grants and tree (<see cref="AccessSnapshots"/>).
/// </summary>
internal sealed class AccessScope(IHttpContextAccessor http, AccessSnapshots snapshots)
{
    private readonly Dictionary<string, HashSet<Guid>> _subtrees = new(StringComparer.Ordinal);
    private HashSet<Guid>? _ancestors;
    private (bool Loaded, Guid? Id) _person;

    public Guid AccountId
    {
        get
        {
            var sub = http.HttpContext?.User.FindFirstValue("sub");
            return Guid.TryParse(sub, out var id) ? id : throw new InvalidOperationException("No signed-in account.");
        }
    }

    /// <summary>The person the account belongs to (duty staff), or null for accounts that are not on duty themselves.</summary>
    public async Task<Guid?> PersonIdAsync(DbWork work, CancellationToken ct)
    {
        if (!_person.Loaded && Session is { } session)
        {
            _person = (true, session.PersonId);
        }

        if (!_person.Loaded)
        {
            _person = (true, (await AccountStore.FindAsync(work, AccountId, ct))?.PersonId);
        }

        return _person.Id;
    }

    /// <summary>Units the account can read: the subtrees of all its grants.</summary>
    public Task<HashSet<Guid>> ReadableAsync(DbWork work, CancellationToken ct) => WithRolesAsync(work, GrantRoles.All, ct);

    /// <summary>Units the account administers.</summary>
    public Task<HashSet<Guid>> AdministeredAsync(DbWork work, CancellationToken ct) => WithRolesAsync(work, [GrantRoles.Admin], ct);

    /// <summary>Units whose audit trail and oversight views the account may see (admins and supervisors).</summary>
    public Task<HashSet<Guid>> OverseenAsync(DbWork work, CancellationToken ct) =>
        WithRolesAsync(work, [GrantRoles.Admin, GrantRoles.Supervisor], ct);

    /// <summary>Units the account supervises (the bureau's view: acknowledge incidents, run spot checks).</summary>
    public Task<HashSet<Guid>> SupervisedAsync(DbWork work, CancellationToken ct) => WithRolesAsync(work, [GrantRoles.Supervisor], ct);

    public async Task<bool> CanReadAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        (await ReadableAsync(work, ct)).Contains(unitId);

    public async Task<bool> CanAdministerAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        (await AdministeredAsync(work, ct)).Contains(unitId);

    /// <summary>
    /// The unit and every unit below it, whoever asks (callers intersect it with what the account may see); shared between
    /// requests that read the same unit tree revision.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SubtreeAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        Session is { } session
            ? await snapshots.GetAsync("", session.TreeRevision, "subtree:" + unitId.ToString("N"),
                () => UnitStore.SubtreeAsync(work, unitId, ct))
            : await UnitStore.SubtreeAsync(work, unitId, ct);

    /// <summary>
    /// Units whose periods and calendars apply to the account: the readable units and every ancestor of a granted
    /// unit (a school sees the critical period its bureau declared).
    /// </summary>
    public async Task<HashSet<Guid>> RelatedAsync(DbWork work, CancellationToken ct)
    {
        var related = new HashSet<Guid>(await ReadableAsync(work, ct));
        _ancestors ??= [.. await SharedAsync("ancestors", () => AccessStore.AncestorsOfGrantsAsync(work, AccountId, ct))];
        related.UnionWith(_ancestors);
        return related;
    }

    /// <summary>True when a period declared on <paramref name="periodUnitId"/> applies to <paramref name="unitId"/>.</summary>
    public static async Task<bool> AppliesToAsync(DbWork work, Guid periodUnitId, Guid unitId, CancellationToken ct) =>
        (await UnitStore.AncestorsAndSelfAsync(work, unitId, ct)).Contains(periodUnitId);

    /// <summary>True when the account holds <paramref name="role"/> on a root unit (one without a parent): installation-wide work.</summary>
    public async Task<bool> HoldsRootGrantAsync(DbWork work, string role, CancellationToken ct)
    {
        foreach (var grant in await AccountStore.GrantsAsync(work, AccountId, ct))
        {
            if (grant.Role == role && await UnitStore.FindAsync(work, grant.UnitId, ct) is { ParentId: null })
            {
                return true;
            }
        }

        return false;
    }

    private async Task<HashSet<Guid>> WithRolesAsync(DbWork work, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var key = string.Join(',', roles);
        if (!_subtrees.TryGetValue(key, out var set))
        {
            set = [.. await SharedAsync(key, () => AccessStore.SubtreesOfGrantsAsync(work, AccountId, roles, ct))];
            _subtrees[key] = set;
        }

        return set;
    }

    /// <summary>The session the request's token was checked against (absent outside token sign-in).</summary>
    private RequestSession? Session => http.HttpContext?.Features.Get<RequestSession>();

    private async Task<IReadOnlyList<Guid>> SharedAsync(string kind, Func<Task<IReadOnlyList<Guid>>> load) =>
        Session is { } session
            ? await snapshots.GetAsync(session.Grants, session.TreeRevision, kind, load)
            : await load();
}
