using Roster.Core.Storage.Units;

namespace Roster.Api.Imports;

/// <summary>
/// The units of an import's subtree by code path relative to the unit imported into: "" is that unit itself,
/// "school-1" a child, "district-a/school-1" a grandchild. Codes are unique among siblings, so a path names one unit.
/// </summary>
internal sealed class UnitPaths
{
    private readonly Dictionary<string, UnitRow> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _pathOf = [];
    private readonly Dictionary<Guid, string> _nameOf = [];

    public UnitPaths(UnitRow root, IReadOnlyList<UnitRow> subtree)
    {
        var children = subtree.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var pending = new Queue<(UnitRow Unit, string Path)>([(root, "")]);
        while (pending.TryDequeue(out var next))
        {
            _byPath[next.Path] = next.Unit;
            _pathOf[next.Unit.Id] = next.Path;
            _nameOf[next.Unit.Id] = next.Unit.Name;
            foreach (var child in children[next.Unit.Id])
            {
                pending.Enqueue((child, next.Path.Length == 0 ? child.Code : next.Path + "/" + child.Code));
            }
        }
    }

    public IReadOnlyCollection<Guid> Ids => _pathOf.Keys;

    /// <summary>Normalises a typed path: trims, folds "\" and full-width "／" to "/", drops empty segments and a leading "./".</summary>
    public static string Normalise(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s != "."));

    public UnitRow? Find(string path) => _byPath.GetValueOrDefault(Normalise(path));

    public string PathOf(Guid unitId) => _pathOf.GetValueOrDefault(unitId) ?? "";

    public string NameOf(Guid unitId) => _nameOf.GetValueOrDefault(unitId) ?? "";

    public bool Contains(Guid unitId) => _pathOf.ContainsKey(unitId);
}
