using System.Net.Mail;
using NodaTime;
using Roster.Core.Storage;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Units;

namespace Roster.Api.Imports;

/// <summary>
/// Imports a staff list into a unit's subtree. People are keyed by staff number inside the subtree: a known number
/// updates that person (or leaves them unchanged), a new one creates a person. Every row is checked before anything is
/// written; with any error nothing is written.
/// </summary>
internal static class PeopleImport
{
    public static async Task<(ImportOutcome Outcome, IReadOnlyList<PlannedPerson> Plan, UnitPaths Paths)> PlanAsync(
        DbWork work, UnitRow root, UploadedTable table, LocalDate today, CancellationToken ct)
    {
        var outcome = new ImportOutcome { Rows = table.Rows.Count };
        var header = HeaderMap.Find(table, PeopleColumns.All, outcome.Errors);
        var subtree = await UnitStore.SubtreeRowsAsync(work, root.Id, ct);
        var paths = new UnitPaths(root, subtree);
        if (header is null)
        {
            return (outcome, [], paths);
        }

        var existing = (await PersonImportStore.WithStaffNumbersAsync(work, paths.Ids, ct))
            .GroupBy(p => p.StaffNumber!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var employment = await EmploymentChecks.LoadAsync(work, root, subtree, today, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var plan = new List<PlannedPerson>();
        outcome.Preview.AddRange(table.Rows.Take(ImportLimits.MaxPreviewRows).Select(r => header.Preview(r, PeopleColumns.All)));
        foreach (var row in table.Rows)
        {
            var person = ReadRow(row, header, paths, employment, seen, outcome.Errors);
            if (person is null)
            {
                continue;
            }

            var known = existing.GetValueOrDefault(person.StaffNumber!);
            var username = header.Cell(row, PeopleColumns.Username).Text;
            plan.Add(new PlannedPerson(row.Number, known is null ? person : WithIdentity(person, known), username.Length == 0 ? null : username,
                known, known is not null && !Same(known, person)));
        }

        outcome.Created = plan.Count(p => p.Existing is null);
        outcome.Updated = plan.Count(p => p.Existing is not null && p.Changed);
        outcome.Unchanged = plan.Count(p => p.Existing is not null && !p.Changed);
        return (outcome, plan, paths);
    }

    /// <summary>Writes the plan: new people in one statement, changed ones in another.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> ApplyAsync(
        DbWork work, IReadOnlyList<PlannedPerson> plan, ImportOutcome outcome, Instant now, CancellationToken ct)
    {
        var fresh = plan.Where(p => p.Existing is null).Select(p => p.Person).ToList();
        var ids = await PersonImportStore.InsertAsync(work, fresh, now, ct);
        var changed = plan.Where(p => p.Existing is not null && p.Changed).ToList();
        await PersonImportStore.UpdateAsync(work, [.. changed.Select(p => p.Person)], ct);
        outcome.ChangedUnits.UnionWith(fresh.Select(p => p.UnitId));
        outcome.ChangedUnits.UnionWith(changed.SelectMany(p => new[] { p.Person.UnitId, p.Existing!.UnitId }));
        return ids;
    }

    private static PersonRow? ReadRow(
        UploadedRow row, HeaderMap header, UnitPaths paths, EmploymentChecks employment, Dictionary<string, int> seen,
        List<ImportRowError> errors)
    {
        var before = errors.Count;
        void Error(ImportColumn column, string message) => errors.Add(new ImportRowError(row.Number, column.Key, message));

        var path = header.Cell(row, PeopleColumns.UnitPath).Text;
        var unit = paths.Find(path);
        if (unit is null)
        {
            Error(PeopleColumns.UnitPath, $"未知单位代码“{path}”（相对于导入的单位，如 school-1 或 district-a/school-1）· unknown unit code '{path}' "
                + "(a code path below the unit imported into, e.g. school-1 or district-a/school-1)");
        }

        var name = header.Cell(row, PeopleColumns.Name).Text;
        if (name.Length is 0 or > 100)
        {
            Error(PeopleColumns.Name, "姓名必填，最多100字 · name is required, at most 100 characters");
        }

        var staffNumber = Text(header.Cell(row, PeopleColumns.StaffNumber), PeopleColumns.StaffNumber, Error);
        if (staffNumber is null)
        {
            staffNumber = "";
        }
        else if (staffNumber.Length == 0)
        {
            Error(PeopleColumns.StaffNumber, "工号必填（重复导入按工号识别同一人）· staff number is required (a re-import recognises people by it)");
        }
        else if (!PersonCodes.IsCode(staffNumber))
        {
            Error(PeopleColumns.StaffNumber, $"工号“{staffNumber}”只能含字母、数字、- 和 _ · staff number '{staffNumber}' may contain only letters, digits, - and _");
        }
        else if (seen.TryGetValue(staffNumber, out var first))
        {
            Error(PeopleColumns.StaffNumber, $"工号“{staffNumber}”与第{first}行重复 · staff number '{staffNumber}' repeats row {first}");
        }
        else
        {
            seen[staffNumber] = row.Number;
        }

        var phoneText = Text(header.Cell(row, PeopleColumns.Phone), PeopleColumns.Phone, Error);
        string? phone = null;
        if (phoneText is { Length: > 0 })
        {
            phone = PhoneNumbers.Normalise(phoneText, out var phoneError);
            if (phoneError is not null)
            {
                Error(PeopleColumns.Phone, phoneError);
            }
        }

        var email = header.Cell(row, PeopleColumns.Email).Text;
        if (email.Length > 0 && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
        {
            Error(PeopleColumns.Email, $"“{email}”不是邮箱地址 · '{email}' is not an email address");
        }

        var roles = new List<string>();
        foreach (var word in PersonCodes.Split(header.Cell(row, PeopleColumns.Roles).Text))
        {
            if (PersonCodes.Role(word) is { } role)
            {
                roles.Add(role);
            }
            else
            {
                Error(PeopleColumns.Roles, $"未知值班角色“{word}”（带班领导 leader、值班人员 staff 或自定义代码）· unknown duty role '{word}'");
            }
        }

        roles = [.. roles.Distinct(StringComparer.Ordinal)];
        if (roles.Count == 0 && errors.Count == before)
        {
            Error(PeopleColumns.Roles, "至少填写一个值班角色 · at least one duty role is required (带班领导 leader, 值班人员 staff)");
        }

        var employmentText = header.Cell(row, PeopleColumns.EmploymentType).Text;
        var employmentType = PersonCodes.Employment(employmentText);
        if (employmentType is null)
        {
            Error(PeopleColumns.EmploymentType, $"未知用工类型“{employmentText}”（正式 formal、合同 contract、临时 temporary）· unknown employment type '{employmentText}'");
        }
        else if (unit is not null && employment.BarredRole(unit.Id, roles, employmentType) is { } barred)
        {
            Error(PeopleColumns.Roles, $"{Words(employmentType)}不能担任“{barred}”：值班规则只允许其他用工类型 · a {employmentType} employee "
                + $"cannot take the {barred} role: the duty rules (employmentType) of this unit's periods allow other employment types only");
        }

        var tags = PersonCodes.Split(header.Cell(row, PeopleColumns.Tags).Text);
        foreach (var tag in tags.Where(t => !PersonCodes.IsCode(t)))
        {
            Error(PeopleColumns.Tags, $"标签“{tag}”只能含字母、数字、- 和 _ · tag '{tag}' may contain only letters, digits, - and _");
        }

        if (errors.Count > before || unit is null || employmentType is null)
        {
            return null;
        }

        return new PersonRow
        {
            UnitId = unit.Id, Name = name, StaffNumber = staffNumber, Phone = phone, Email = email.Length == 0 ? null : email,
            Roles = [.. roles], Tags = [.. tags.Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal)],
            EmploymentType = employmentType, Active = true,
        };
    }

    /// <summary>A cell that must be text: a value Excel turned into a date is an error, not a serial number.</summary>
    /// <returns>The text, or null when the cell held a date (already reported).</returns>
    private static string? Text(CellText cell, ImportColumn column, Action<ImportColumn, string> error)
    {
        if (cell.WasDate)
        {
            error(column, $"Excel 把“{cell.Text}”存成了日期：请把该列设为文本后重新输入 · Excel stored '{cell.Text}' as a date: "
                + "format the column as text and type the value again");
            return null;
        }

        return cell.Text;
    }

    private static string Words(string employment) => employment switch
    {
        "contract" => "合同工",
        "temporary" => "临时工",
        _ => "正式工作人员",
    };

    private static PersonRow WithIdentity(PersonRow imported, PersonRow known) => new()
    {
        Id = known.Id, UnitId = imported.UnitId, Name = imported.Name, StaffNumber = known.StaffNumber, Phone = imported.Phone,
        Email = imported.Email, Roles = imported.Roles, Tags = imported.Tags, EmploymentType = imported.EmploymentType,
        Active = known.Active, Version = known.Version, CreatedAt = known.CreatedAt,
    };

    private static bool Same(PersonRow a, PersonRow b) =>
        a.UnitId == b.UnitId && a.Name == b.Name && a.Phone == b.Phone && a.Email == b.Email && a.EmploymentType == b.EmploymentType
        && a.Roles.Order(StringComparer.Ordinal).SequenceEqual(b.Roles.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && a.Tags.Order(StringComparer.Ordinal).SequenceEqual(b.Tags.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
