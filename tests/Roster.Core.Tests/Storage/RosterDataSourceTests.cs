using Npgsql;
using Roster.Core.Storage;

namespace Roster.Core.Tests.Storage;

public sealed class RosterDataSourceTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Username=u;Password=p", RosterDataSource.DefaultMaxAutoPrepare)]
    [InlineData("Host=127.0.0.1;Username=u;Password=p;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Username=u;Password=p;maxautoprepare=5", 5)]
    public void HotStatementsArePrepared_UnlessTheConnectionStringSaysOtherwise(string connectionString, int expected)
    {
        using var source = RosterDataSource.Create(connectionString);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxAutoPrepare);
    }
}
