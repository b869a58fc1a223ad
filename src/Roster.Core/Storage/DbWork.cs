using Dapper;
using Npgsql;

namespace Roster.Core.Storage;

/// <summary>One connection and one transaction: every multi-row change happens inside one of these.</summary>
public sealed class DbWork : IAsyncDisposable
{
    private DbWork(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public static async Task<DbWork> BeginAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            return new DbWork(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, Transaction, cancellationToken: ct);

    /// <summary>True once <see cref="CommitAsync"/> has succeeded.</summary>
    public bool Committed { get; private set; }

    public async Task CommitAsync(CancellationToken ct)
    {
        await Transaction.CommitAsync(ct);
        Committed = true;
    }

    /// <summary>
    /// Serialises work on one subject (e.g. <c>roster:{period}:{unit}</c>) across processes until this transaction ends:
    /// a PostgreSQL advisory transaction lock on a hash of <paramref name="key"/>.
    /// </summary>
    public Task LockAsync(string key, CancellationToken ct) =>
        Connection.ExecuteAsync(Command("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key }, ct));

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
