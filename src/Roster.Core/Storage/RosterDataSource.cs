using Dapper;
using NodaTime;
using Npgsql;

namespace Roster.Core.Storage;

/// <summary>Builds the application's data source: Npgsql with the NodaTime plugin on this source only.</summary>
/// <remarks>Never on the global type mapper: Hangfire.PostgreSql breaks on connections that carry the plugin.</remarks>
public static class RosterDataSource
{
    private static int s_handlersRegistered;

    public static NpgsqlDataSource Create(string connectionString)
    {
        RegisterDapperHandlers();
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNodaTime();
        return builder.Build();
    }

    public static void RegisterDapperHandlers()
    {
        if (Interlocked.Exchange(ref s_handlersRegistered, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new NodaTimeTypeHandler<Instant>());
        SqlMapper.AddTypeHandler(new NodaTimeTypeHandler<LocalDate>());
        SqlMapper.AddTypeHandler(new NodaTimeTypeHandler<LocalTime>());
        SqlMapper.AddTypeHandler(new NodaTimeTypeHandler<LocalDateTime>());
        SqlMapper.AddTypeHandler(new NodaTimeTypeHandler<Duration>());
        SqlMapper.AddTypeHandler(new NodaTimeTypeHandler<Period>());
        SqlMapper.AddTypeHandler(new NodaTimeTypeHandler<Interval>());
    }
}
