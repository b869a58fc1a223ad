using Roster.Core.Storage;

namespace Roster.Api.Tests.Migrations;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_Twice_SecondRunAppliesNothing()
    {
        var database = await TestDatabases.CreateEmptyAsync();
        try
        {
            var cs = TestDatabases.OwnerConnectionStringFor(database);
            var first = await DatabaseMigrator.MigrateAsync(cs, CancellationToken.None);
            var second = await DatabaseMigrator.MigrateAsync(cs, CancellationToken.None);
            Assert.Contains(first, n => n.EndsWith("0001_extensions.sql", StringComparison.Ordinal));
            Assert.True(first.Count >= 8);
            Assert.Empty(second);
        }
        finally
        {
            await TestDatabases.DropAsync(database);
        }
    }

    [Fact]
    public async Task Migrate_TwoProcessesAtOnce_BothSucceedAndApplyEachScriptOnce()
    {
        var database = await TestDatabases.CreateEmptyAsync();
        try
        {
            var cs = TestDatabases.OwnerConnectionStringFor(database);
            var results = await Task.WhenAll(
                Task.Run(() => DatabaseMigrator.MigrateAsync(cs, CancellationToken.None)),
                Task.Run(() => DatabaseMigrator.MigrateAsync(cs, CancellationToken.None)));
            Assert.Empty(results[0].Intersect(results[1]));
            Assert.Equal(results.Max(r => r.Count), results[0].Count + results[1].Count);
        }
        finally
        {
            await TestDatabases.DropAsync(database);
        }
    }
}
