using Dapper;

namespace Roster.Core.Storage.People;

/// <summary>People of a unit.</summary>
public static class PersonStore
{
    private const string Columns = "id, unit_id, name, employment_type, roles, tags, phone, email, staff_number, active, version, created_at";

    public static Task<PersonRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<PersonRow>(work.Command(
            $"SELECT {Columns} FROM people WHERE id = @id", new { id }, ct));

    public static async Task<IReadOnlyList<PersonRow>> ListAsync(
        DbWork work, Guid unitId, bool? active, string? role, Guid? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns} FROM people
            WHERE unit_id = @unitId
              AND (@active::boolean IS NULL OR active = @active)
              AND (@role::text IS NULL OR @role = ANY(roles))
              AND (@after::uuid IS NULL OR id > @after)
            ORDER BY id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<PersonRow>(work.Command(
            Sql, new { unitId, active, role, after, limit }, ct));
        return rows.AsList();
    }

    public static Task<PersonRow> InsertAsync(DbWork work, PersonRow person, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<PersonRow>(work.Command($"""
            INSERT INTO people (unit_id, name, employment_type, roles, tags, phone, email, staff_number, active, created_at)
            VALUES (@UnitId, @Name, @EmploymentType, @Roles, @Tags, @Phone, @Email, @StaffNumber, @Active, @CreatedAt)
            RETURNING {Columns}
            """, person, ct));

    /// <summary>Null when the version no longer matches.</summary>
    public static Task<PersonRow?> UpdateAsync(DbWork work, PersonRow person, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<PersonRow>(work.Command($"""
            UPDATE people SET name = @Name, employment_type = @EmploymentType, roles = @Roles, tags = @Tags,
                phone = @Phone, email = @Email, active = @Active, version = version + 1
            WHERE id = @Id AND version = @Version
            RETURNING {Columns}
            """, person, ct));

    public static async Task<bool> HasAssignmentsOrAccountAsync(DbWork work, Guid id, CancellationToken ct) =>
        await work.Connection.ExecuteScalarAsync<bool>(work.Command("""
            SELECT EXISTS (SELECT 1 FROM assignments WHERE person_id = @id)
                OR EXISTS (SELECT 1 FROM accounts WHERE person_id = @id)
            """, new { id }, ct));

    public static Task<int> DeleteAsync(DbWork work, Guid id, int version, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command(
            "DELETE FROM people WHERE id = @id AND version = @version", new { id, version }, ct));
}
