using System.Data.Common;
using Dapper;
using NodaTime;
using Npgsql;
using Roster.Core.Leave;
using Roster.Core.Model;
using Roster.Core.Oversight;
using Roster.Core.Statistics;
using Roster.Core.Swaps;

namespace Roster.Core.Storage;

/// <summary>Builds the application's data source: Npgsql with the NodaTime plugin on this source only.</summary>
/// <remarks>Never on the global type mapper: Hangfire.PostgreSql breaks on connections that carry the plugin.</remarks>
public static class RosterDataSource
{
    /// <summary>Prepared statements kept per connection when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    private const string MaxAutoPrepareKeyword = "Max Auto Prepare";

    private static int s_handlersRegistered;

    public static NpgsqlDataSource Create(string connectionString)
    {
        RegisterDapperHandlers();
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Statements a connection runs often (the per-request session read above all) are prepared on it after a few uses,
        // so PostgreSQL no longer parses and plans them on every request. A connection string naming the setting keeps its value.
        if (!Names(connectionString, MaxAutoPrepareKeyword))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        builder.UseNodaTime();
        return builder.Build();
    }

    /// <summary>True when the connection string itself sets <paramref name="keyword"/> (in any spelling Npgsql accepts).</summary>
    private static bool Names(string connectionString, string keyword)
    {
        static string Bare(string k) => k.Replace(" ", "", StringComparison.Ordinal);
        var plain = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return plain.Keys.Cast<string>().Any(k => string.Equals(Bare(k), Bare(keyword), StringComparison.OrdinalIgnoreCase));
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
        SqlMapper.AddTypeHandler(new StateTypeHandler<RosterStatus>());
        SqlMapper.AddTypeHandler(new StateTypeHandler<RosterJobStatus>());
        SqlMapper.AddTypeHandler(new StateTypeHandler<SubmissionState>());
        SqlMapper.AddTypeHandler(new StateTypeHandler<StatisticsReportState>());
        SqlMapper.AddTypeHandler(new StateTypeHandler<SwapStatus>());
        SqlMapper.AddTypeHandler(new StateTypeHandler<LeaveStatus>());
    }
}
