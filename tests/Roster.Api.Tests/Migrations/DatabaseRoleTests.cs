using Dapper;
using Npgsql;
using Roster.Core.Storage;

namespace Roster.Api.Tests.Migrations;

/// <summary>
/// Least privilege in the database: the application's login reads and writes rows and can do nothing else, and a
/// database migrated before the roles were split is handed to the owner with the application's rights in place.
/// </summary>
public sealed class DatabaseRoleTests
{
    [Fact]
    public async Task ApplicationLogin_Role_CannotCreateRolesOrDatabasesAndIsNoSuperuser()
    {
        await WithApplicationLoginAsync(async app =>
        {
            var role = await app.QuerySingleAsync<(bool Super, bool CreateRole, bool CreateDb)>(
                "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
            Assert.Equal((false, false, false), role);
        });
    }

    [Fact]
    public async Task ApplicationLogin_Insert_WritesTheRow()
    {
        await WithApplicationLoginAsync(async app => Assert.Equal(1, await app.ExecuteAsync(
            "INSERT INTO units (id, code, name, time_zone, created_at) VALUES (gen_random_uuid(), 'r-1', 'r', 'Asia/Shanghai', now())")));
    }

    [Fact]
    public async Task ApplicationLogin_SchemaChanges_AreRefusedForLackOfPrivilege()
    {
        await WithApplicationLoginAsync(async app =>
        {
            foreach (var ddl in new[] { "CREATE TABLE intruder (a int)", "DROP TABLE units", "ALTER TABLE units ADD COLUMN x int", "TRUNCATE units",
                "CREATE SCHEMA intruder", "CREATE ROLE intruder" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync(ddl));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        });
    }

    [Fact]
    public async Task DatabaseMigratedByTheSuperuser_WhenRolesAreSplit_IsHandedToTheOwnerForTheApplication()
    {
        var database = await TestDatabases.CreateEmptyAsync();
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(TestDatabases.AdminConnectionString) { Database = database }.ConnectionString;
            await DatabaseMigrator.MigrateAsync(admin, CancellationToken.None);

            await DatabaseRoles.EnsureAsync(TestDatabases.AdminConnectionString, TestDatabases.OwnerConnectionStringFor(database),
                TestDatabases.ConnectionStringFor(database), CancellationToken.None);

            await using (var owner = new NpgsqlConnection(TestDatabases.OwnerConnectionStringFor(database)))
            {
                var foreign = await owner.QueryAsync<string>(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user");
                Assert.Empty(foreign);
            }

            await using var app = new NpgsqlConnection(TestDatabases.ConnectionStringFor(database));
            Assert.Equal(1, await app.ExecuteAsync(
                "INSERT INTO units (id, code, name, time_zone, created_at) VALUES (gen_random_uuid(), 'r-2', 'r', 'Asia/Shanghai', now())"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestDatabases.DropAsync(database);
        }
    }

    /// <summary>Runs <paramref name="use"/> on an open connection of the application's login to a new test database,
    /// which is dropped afterwards.</summary>
    private static async Task WithApplicationLoginAsync(Func<NpgsqlConnection, Task> use)
    {
        var database = await TestDatabases.CreateAsync();
        try
        {
            await using var app = new NpgsqlConnection(TestDatabases.ConnectionStringFor(database));
            await app.OpenAsync();
            await use(app);
        }
        finally
        {
            await TestDatabases.DropAsync(database);
        }
    }
}
