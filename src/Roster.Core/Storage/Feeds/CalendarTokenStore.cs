using Dapper;
using NodaTime;

namespace Roster.Core.Storage.Feeds;

/// <summary>Calendar-feed tokens of people and units.</summary>
public static class CalendarTokenStore
{
    private const string Columns = "id, token_hash, person_id, unit_id, label, created_by, created_at, revoked_at, revoked_by, expires_at";

    public static Task<CalendarTokenRow> InsertAsync(DbWork work, CalendarTokenRow row, CancellationToken ct) =>
        work.Connection.QuerySingleAsync<CalendarTokenRow>(work.Command($"""
            INSERT INTO calendar_tokens (token_hash, person_id, unit_id, label, created_by, created_at, expires_at)
            VALUES (@TokenHash, @PersonId, @UnitId, @Label, @CreatedBy, @CreatedAt, @ExpiresAt)
            RETURNING {Columns}
            """, row, ct));

    public static Task<CalendarTokenRow?> FindAsync(DbWork work, Guid id, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CalendarTokenRow>(work.Command(
            $"SELECT {Columns} FROM calendar_tokens WHERE id = @id", new { id }, ct));

    /// <summary>The token with this hash, unless it has been revoked or has expired at <paramref name="now"/>.</summary>
    public static Task<CalendarTokenRow?> FindActiveByHashAsync(DbWork work, byte[] tokenHash, Instant now, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CalendarTokenRow>(work.Command(
            $"SELECT {Columns} FROM calendar_tokens WHERE token_hash = @tokenHash AND revoked_at IS NULL AND expires_at > @now",
            new { tokenHash, now }, ct));

    /// <summary>Moves the expiry of a token that is not revoked; null when it was revoked.</summary>
    public static Task<CalendarTokenRow?> RenewAsync(DbWork work, Guid id, Instant expiresAt, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CalendarTokenRow>(work.Command($"""
            UPDATE calendar_tokens SET expires_at = @expiresAt WHERE id = @id AND revoked_at IS NULL
            RETURNING {Columns}
            """, new { id, expiresAt }, ct));

    /// <summary>Tokens of one person or one unit (pass exactly one), revoked ones too, in id order after a cursor.</summary>
    public static async Task<IReadOnlyList<CalendarTokenRow>> ListAsync(
        DbWork work, Guid? personId, Guid? unitId, Guid? after, int limit, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns} FROM calendar_tokens
            WHERE (person_id = @personId OR unit_id = @unitId) AND (@after::uuid IS NULL OR id > @after)
            ORDER BY id
            LIMIT @limit
            """;
        var rows = await work.Connection.QueryAsync<CalendarTokenRow>(work.Command(
            Sql, new { personId, unitId, after, limit }, ct));
        return rows.AsList();
    }

    /// <summary>Revokes the token; null when it was already revoked (revoking twice changes nothing).</summary>
    public static Task<CalendarTokenRow?> RevokeAsync(DbWork work, Guid id, Guid? actor, Instant now, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<CalendarTokenRow>(work.Command($"""
            UPDATE calendar_tokens SET revoked_at = @now, revoked_by = @actor
            WHERE id = @id AND revoked_at IS NULL
            RETURNING {Columns}
            """, new { id, actor, now }, ct));
}
