using NodaTime;
using Roster.Core.Storage;
using Roster.Core.Storage.Units;

namespace Roster.Api.Imports;

/// <summary>
/// Imports units below a unit by code path: "school-1" is a child, "district-a/school-1" a grandchild whose parent is
/// an existing unit or another row of the file. A known path updates the unit's names and zone; a new one creates it.
/// </summary>
internal static class UnitsImport
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static async Task<ImportOutcome> RunAsync(
        DbWork work, UnitRow root, UploadedTable table, bool commit, Instant now, CancellationToken ct)
    {
        var outcome = new ImportOutcome { Rows = table.Rows.Count };
        var header = HeaderMap.Find(table, UnitColumns.All, outcome.Errors);
        if (header is null)
        {
            return outcome;
        }

        outcome.Preview.AddRange(table.Rows.Take(ImportLimits.MaxPreviewRows).Select(r => header.Preview(r, UnitColumns.All)));
        var paths = new UnitPaths(root, await UnitStore.SubtreeRowsAsync(work, root.Id, ct));
        var rows = new List<(int Row, string Path, string Code, UnitRow Unit)>();
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var before = outcome.Errors.Count;
            void Error(ImportColumn column, string message) => outcome.Errors.Add(new ImportRowError(row.Number, column.Key, message));
            var path = UnitPaths.Normalise(header.Cell(row, UnitColumns.CodePath).Text);
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                Error(UnitColumns.CodePath, "单位代码路径必填（相对于导入的单位，如 school-1）· the unit code path is required (below the unit imported into, e.g. school-1)");
            }
            else if (segments.Any(s => s.Length > 64 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                Error(UnitColumns.CodePath, $"代码“{path}”只能含字母、数字、- _ . · codes in '{path}' may contain only letters, digits, '-', '_' and '.'");
            }
            else if (inFile.TryGetValue(path, out var first))
            {
                Error(UnitColumns.CodePath, $"单位代码路径“{path}”与第{first}行重复 · the code path '{path}' repeats row {first}");
            }
            else
            {
                inFile[path] = row.Number;
            }

            var name = header.Cell(row, UnitColumns.Name).Text;
            if (name.Length is 0 or > 200)
            {
                Error(UnitColumns.Name, "单位名称必填，最多200字 · name is required, at most 200 characters");
            }

            var nameEn = header.Cell(row, UnitColumns.NameEn).Text;
            if (nameEn.Length > 200)
            {
                Error(UnitColumns.NameEn, "最多200字 · at most 200 characters");
            }

            var zone = header.Cell(row, UnitColumns.TimeZone).Text;
            zone = zone.Length == 0 ? DefaultTimeZone : zone;
            if (zone.Length > 64 || DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            {
                Error(UnitColumns.TimeZone, $"“{zone}”不是 IANA 时区（如 Asia/Shanghai）· '{zone}' is not an IANA time zone id such as Asia/Shanghai");
            }

            if (outcome.Errors.Count == before)
            {
                rows.Add((row.Number, path, segments[^1], new UnitRow
                {
                    Code = segments[^1], Name = name, NameEn = nameEn.Length == 0 ? null : nameEn, TimeZone = zone, CreatedAt = now,
                }));
            }
        }

        // Parents first, so that a row may name a unit another row of the same file creates.
        var created = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (number, path, code, unit) in rows.OrderBy(r => r.Path.Count(c => c == '/')).ThenBy(r => r.Row))
        {
            var parentPath = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
            var parentId = paths.Find(parentPath)?.Id ?? (created.TryGetValue(parentPath, out var made) ? made : (Guid?)null);
            if (parentId is null)
            {
                outcome.Errors.Add(new ImportRowError(number, UnitColumns.CodePath.Key,
                    $"未知上级单位代码“{parentPath}”· unknown unit code '{parentPath}': no such unit above '{code}', in the tree or earlier in the file"));
                continue;
            }

            var known = paths.Find(path);
            if (known is null)
            {
                outcome.Created++;
                var id = commit && outcome.Errors.Count == 0
                    ? (await UnitStore.InsertAsync(work, new UnitRow
                    {
                        ParentId = parentId, Code = code, Name = unit.Name, NameEn = unit.NameEn, TimeZone = unit.TimeZone, CreatedAt = now,
                    }, ct)).Id
                    : Guid.NewGuid();
                created[path] = id;
            }
            else if (known.Name != unit.Name || known.NameEn != unit.NameEn || known.TimeZone != unit.TimeZone)
            {
                outcome.Updated++;
                if (commit && outcome.Errors.Count == 0)
                {
                    await UnitStore.UpdateAsync(work, new UnitRow
                    {
                        Id = known.Id, ParentId = known.ParentId, Code = known.Code, Name = unit.Name, NameEn = unit.NameEn,
                        TimeZone = unit.TimeZone, Active = known.Active, Version = known.Version,
                    }, ct);
                }
            }
            else
            {
                outcome.Unchanged++;
            }
        }

        return outcome;
    }
}
