using Dapper;

namespace Roster.Core.Storage.Duty;

/// <summary>The duty office phone of a unit, kept on the unit row.</summary>
public static class DutyPhoneStore
{
    public static async Task<bool> ExistsAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        await work.Connection.ExecuteScalarAsync<bool>(work.Command(
            "SELECT EXISTS (SELECT 1 FROM units WHERE id = @unitId)", new { unitId }, ct));

    public static Task<string?> FindAsync(DbWork work, Guid unitId, CancellationToken ct) =>
        work.Connection.ExecuteScalarAsync<string?>(work.Command("SELECT duty_phone FROM units WHERE id = @unitId", new { unitId }, ct));

    public static Task SetAsync(DbWork work, Guid unitId, string? phone, CancellationToken ct) =>
        work.Connection.ExecuteAsync(work.Command("UPDATE units SET duty_phone = @phone WHERE id = @unitId", new { unitId, phone }, ct));
}
