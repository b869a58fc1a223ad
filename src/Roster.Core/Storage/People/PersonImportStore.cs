using Dapper;
using NodaTime;

namespace Roster.Core.Storage.People;

/// <summary>The bulk reads and writes of a staff-list import: thousands of rows in a few statements, in one transaction.</summary>
public static class PersonImportStore
{
    private const string Columns = "id, unit_id, name, employment_type, roles, tags, phone, email, staff_number, active, version, created_at";

    /// <summary>Every person of the units (a subtree) that has a staff number.</summary>
    public static async Task<IReadOnlyList<PersonRow>> WithStaffNumbersAsync(DbWork work, IReadOnlyCollection<Guid> units, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var rows = await work.Connection.QueryAsync<PersonRow>(work.Command(
            $"SELECT {Columns} FROM people WHERE unit_id = ANY(@units) AND staff_number IS NOT NULL",
            new { units = units.ToArray() }, ct));
        return rows.AsList();
    }

    /// <summary>Inserts the people (active); returns their ids by staff number.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> InsertAsync(DbWork work, IReadOnlyList<PersonRow> people, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            return new Dictionary<string, Guid>();
        }

        var rows = await work.Connection.QueryAsync<(Guid Id, string StaffNumber)>(work.Command("""
            INSERT INTO people (unit_id, name, employment_type, roles, tags, phone, email, staff_number, active, created_at)
            SELECT t.unit_id, t.name, t.employment, string_to_array(t.roles, ','), string_to_array(t.tags, ','), t.phone, t.email,
                   t.staff_number, true, @now
            FROM unnest(@units, @names, @employments, @roles, @tags, @phones, @emails, @staffNumbers)
                AS t(unit_id, name, employment, roles, tags, phone, email, staff_number)
            RETURNING id, staff_number
            """, Arrays(people, now), ct));
        return rows.ToDictionary(r => r.StaffNumber, r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>Overwrites unit, name, employment type, roles, tags, phone and email of existing people (by id), bumping versions.</summary>
    public static async Task<int> UpdateAsync(DbWork work, IReadOnlyList<PersonRow> people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(people);
        if (people.Count == 0)
        {
            return 0;
        }

        return await work.Connection.ExecuteAsync(work.Command("""
            UPDATE people p SET unit_id = t.unit_id, name = t.name, employment_type = t.employment,
                roles = string_to_array(t.roles, ','), tags = string_to_array(t.tags, ','), phone = t.phone, email = t.email,
                version = p.version + 1
            FROM unnest(@ids, @units, @names, @employments, @roles, @tags, @phones, @emails)
                AS t(id, unit_id, name, employment, roles, tags, phone, email)
            WHERE p.id = t.id
            """, new
        {
            ids = people.Select(p => p.Id).ToArray(),
            units = people.Select(p => p.UnitId).ToArray(),
            names = people.Select(p => p.Name).ToArray(),
            employments = people.Select(p => p.EmploymentType).ToArray(),
            roles = people.Select(p => string.Join(',', p.Roles)).ToArray(),
            tags = people.Select(p => string.Join(',', p.Tags)).ToArray(),
            phones = people.Select(p => p.Phone).ToArray(),
            emails = people.Select(p => p.Email).ToArray(),
        }, ct));
    }

    private static object Arrays(IReadOnlyList<PersonRow> people, Instant now) => new
    {
        now,
        units = people.Select(p => p.UnitId).ToArray(),
        names = people.Select(p => p.Name).ToArray(),
        employments = people.Select(p => p.EmploymentType).ToArray(),
        roles = people.Select(p => string.Join(',', p.Roles)).ToArray(),
        tags = people.Select(p => string.Join(',', p.Tags)).ToArray(),
        phones = people.Select(p => p.Phone).ToArray(),
        emails = people.Select(p => p.Email).ToArray(),
        staffNumbers = people.Select(p => p.StaffNumber).ToArray(),
    };
}
