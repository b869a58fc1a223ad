using Npgsql;
using Roster.Core.Storage;

namespace Roster.Scheduler.Tests.Infrastructure;

/// <summary>A fresh migrated database for one test class, with a NodaTime data source on it.</summary>
public sealed class DbFixture : IAsyncLifetime
{
    private NpgsqlDataSource? _db;

    public string Database { get; private set; } = "";

    public string ConnectionString => TestDatabases.ConnectionStringFor(Database);

    public NpgsqlDataSource Db => _db ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Database = await TestDatabases.CreateAsync();
        _db = RosterDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        await TestDatabases.DropAsync(Database);
    }

    public async Task<T> WorkAsync<T>(Func<DbWork, Task<T>> action)
    {
        await using var work = await DbWork.BeginAsync(Db, CancellationToken.None);
        var result = await action(work);
        await work.CommitAsync(CancellationToken.None);
        return result;
    }

    public Task WorkAsync(Func<DbWork, Task> action) => WorkAsync(async w =>
    {
        await action(w);
        return 0;
    });
}
