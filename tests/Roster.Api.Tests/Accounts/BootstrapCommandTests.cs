namespace Roster.Api.Tests.Accounts;

/// <summary><c>./roster bootstrap</c>: one root unless another is asked for; bad arguments write nothing.</summary>
public sealed class BootstrapCommandTests(NoDemoFixture api) : IClassFixture<NoDemoFixture>
{
    [Fact]
    public async Task Bootstrap_WhenARootExists_RefusesUnlessAnotherRootIsAsked()
    {
        var (first, _) = await api.BootstrapAsync("--bureau", "西城区教育局", "--code", "xicheng", "--username", "xc-admin");
        Assert.Equal(0, first);
        var roots = await api.CountAsync("SELECT count(*) FROM units WHERE parent_id IS NULL");

        var (refused, message) = await api.BootstrapAsync("--bureau", "南城区教育局", "--code", "nancheng", "--username", "nc-admin");
        Assert.Equal(1, refused);
        Assert.Contains("--another-root", message, StringComparison.Ordinal);
        Assert.Equal(roots, await api.CountAsync("SELECT count(*) FROM units WHERE parent_id IS NULL"));
        Assert.Equal(0, await api.CountAsync("SELECT count(*) FROM accounts WHERE username = 'nc-admin'"));

        var (second, printed) = await api.BootstrapAsync(
            "--bureau", "北城区教育局", "--code", "beicheng", "--username", "bc-admin", "--time-zone", "Asia/Urumqi", "--another-root");
        Assert.Equal(0, second);
        Assert.Equal(roots + 1, await api.CountAsync("SELECT count(*) FROM units WHERE parent_id IS NULL"));
        Assert.Equal(1, await api.CountAsync(
            "SELECT count(*) FROM grants g JOIN accounts a ON a.id = g.account_id JOIN units u ON u.id = g.unit_id " +
            "WHERE a.username = 'bc-admin' AND u.code = 'beicheng' AND u.time_zone = 'Asia/Urumqi' AND g.role = 'admin'"));
        Assert.DoesNotContain(NoDemoFixture.OneTimePasswordIn(printed), await AuditTextAsync());
    }

    [Theory]
    [InlineData("--bureau", "X", "--code", "bad code!", "--username", "someone")]
    [InlineData("--bureau", "X", "--code", "ok-code", "--username", "a")]
    [InlineData("--bureau", "X", "--code", "ok-code", "--username", "someone", "--time-zone", "Mars/Base")]
    [InlineData("--code", "ok-code", "--username", "someone")]
    public async Task Bootstrap_BadArguments_Exit2AndWriteNothing(params string[] args)
    {
        var units = await api.CountAsync("SELECT count(*) FROM units");
        var (exit, printed) = await api.BootstrapAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains("usage:", printed, StringComparison.Ordinal);
        Assert.Equal(units, await api.CountAsync("SELECT count(*) FROM units"));
    }

    private Task<string> AuditTextAsync() => api.WithWorkAsync(async w => string.Join('\n',
        await Dapper.SqlMapper.QueryAsync<string>(w.Connection, "SELECT coalesce(after::text, '') FROM audit_log", transaction: w.Transaction)));
}
