using Npgsql;

namespace Roster.Core.Storage;

/// <summary>
/// Least privilege in PostgreSQL: an owner role that owns the database and runs the migrations, and an application role
/// that may only read and write rows (no DDL, not a superuser, creates no roles or databases). Both are created by an
/// administrator connection that only this step uses. Idempotent: run at every start of a deployment that has one.
/// </summary>
public static class DatabaseRoles
{
    /// <param name="adminConnectionString">A role that may create roles and databases (the cluster's superuser).</param>
    /// <param name="ownerConnectionString">The owner: its user name, password and the database it owns.</param>
    /// <param name="appConnectionString">The application's login: its user name and password.</param>
    /// <param name="ct">Cancels the work between commands.</param>
    public static async Task EnsureAsync(
        string adminConnectionString, string ownerConnectionString, string appConnectionString, CancellationToken ct)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var app = new NpgsqlConnectionStringBuilder(appConnectionString);
        var database = owner.Database ?? throw new ArgumentException("The owner's connection string names no database.", nameof(ownerConnectionString));
        var ownerName = owner.Username ?? throw new ArgumentException("The owner's connection string names no user.", nameof(ownerConnectionString));
        var appName = app.Username ?? throw new ArgumentException("The application's connection string names no user.", nameof(appConnectionString));
        if (string.Equals(ownerName, appName, StringComparison.Ordinal))
        {
            throw new ArgumentException("The owner and the application must be different roles.", nameof(appConnectionString));
        }

        // Unpooled: the superuser's session ends with this step instead of idling in the pool of a running service.
        await using (var admin = new NpgsqlConnection(Unpooled(adminConnectionString)))
        {
            await admin.OpenAsync(ct);
            await EnsureLoginAsync(admin, ownerName, owner.Password, ct);
            await EnsureLoginAsync(admin, appName, app.Password, ct);
            await EnsureDatabaseAsync(admin, database, ownerName, ct);
        }

        var inDatabase = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, Pooling = false };
        await using var connection = new NpgsqlConnection(inDatabase.ConnectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, Grants(Quote(database), Quote(ownerName), Quote(appName), ownerName), ct);
    }

    private static string Grants(string database, string owner, string app, string ownerName) => $"""
        REVOKE ALL ON DATABASE {database} FROM PUBLIC;
        GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {app};
        ALTER SCHEMA public OWNER TO {owner};
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        DO $do$
        DECLARE o record;
        BEGIN
            -- Objects made before the roles were split (by an earlier superuser start) move to the owner.
            FOR o IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname IN ('public', 'hangfire') AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
                       AND pg_get_userbyid(c.relowner) <> '{ownerName.Replace("'", "''", StringComparison.Ordinal)}'
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
            LOOP
                EXECUTE format('ALTER %s %I.%I OWNER TO {owner}',
                    CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                    o.nspname, o.relname);
            END LOOP;
            IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hangfire') THEN
                EXECUTE 'ALTER SCHEMA hangfire OWNER TO {owner}';
                EXECUTE 'GRANT USAGE ON SCHEMA hangfire TO {app}';
                EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA hangfire TO {app}';
                EXECUTE 'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA hangfire TO {app}';
            END IF;
        END
        $do$;
        GRANT USAGE ON SCHEMA public TO {app};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app};
        ALTER DEFAULT PRIVILEGES FOR ROLE {owner} GRANT USAGE ON SCHEMAS TO {app};
        ALTER DEFAULT PRIVILEGES FOR ROLE {owner} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app};
        ALTER DEFAULT PRIVILEGES FOR ROLE {owner} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {app};
        """;

    private static async Task EnsureLoginAsync(NpgsqlConnection admin, string role, string? password, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", admin);
        exists.Parameters.AddWithValue(role);
        var verb = await exists.ExecuteScalarAsync(ct) is null ? "CREATE" : "ALTER";
        var secret = password is null ? "" : " PASSWORD " + Literal(password);
        try
        {
            await ExecuteAsync(admin, $"{verb} ROLE {Quote(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS{secret}", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateObject)
        {
            // Another process created it between our check and our create.
            await ExecuteAsync(admin, $"ALTER ROLE {Quote(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS{secret}", ct);
        }
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnection admin, string database, string owner, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            try
            {
                await ExecuteAsync(admin, $"CREATE DATABASE {Quote(database)} OWNER {Quote(owner)}", ct);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Created by another process meanwhile; its owner is set below.
            }
        }

        await ExecuteAsync(admin, $"ALTER DATABASE {Quote(database)} OWNER TO {Quote(owner)}", ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The connection string with pooling off: for the short-lived sessions of the superuser and the owner at start-up.</summary>
    public static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
