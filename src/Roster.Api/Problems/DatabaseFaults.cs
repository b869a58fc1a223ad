using Npgsql;

namespace Roster.Api.Problems;

/// <summary>Which database failures mean "not reachable right now" (answer 503 and let the client retry) rather than a bug.</summary>
internal static class DatabaseFaults
{
    /// <summary>Seconds a client should wait before retrying while the database is unreachable.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsOutage(Exception exception) => exception switch
    {
        // Class 08 (connection exception), 57P01-57P03 (shutdown, crash, cannot connect now), 53 (out of resources).
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03"
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal),
        // Not a server error: the connection could not be made or broke (refused, reset, timed out).
        NpgsqlException => true,
        _ => exception.InnerException is { } inner && IsOutage(inner),
    };
}
