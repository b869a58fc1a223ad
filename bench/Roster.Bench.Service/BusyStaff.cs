using Npgsql;
using NodaTime;

namespace Roster.Bench.Service;

/// <summary>
/// Makes the bench's staff account the first unit's staff member with the most published duties in the window
/// <c>/me/duties</c> answers by default (yesterday to 30 days on), so that read is loaded with real duties, not an empty list.
/// </summary>
internal static class BusyStaff
{
    public static async Task<int> AssignAsync(string connectionString, Guid unit, LocalDate today)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH busiest AS (
                SELECT a.person_id, count(*) AS duties FROM assignments a JOIN roster_versions v ON v.id = a.roster_version_id
                WHERE v.status = 'published' AND v.unit_id = $1 AND a.role = 'staff' AND a.duty_date BETWEEN $2 AND $3
                GROUP BY a.person_id ORDER BY count(*) DESC, a.person_id LIMIT 1
            )
            UPDATE accounts SET person_id = busiest.person_id FROM busiest WHERE username = 'bench-staff' RETURNING busiest.duties
            """, connection);
        command.Parameters.AddWithValue(unit);
        command.Parameters.AddWithValue(today.PlusDays(-1).ToDateOnly());
        command.Parameters.AddWithValue(today.PlusDays(30).ToDateOnly());
        return Convert.ToInt32(await command.ExecuteScalarAsync() ?? 0, System.Globalization.CultureInfo.InvariantCulture);
    }
}
