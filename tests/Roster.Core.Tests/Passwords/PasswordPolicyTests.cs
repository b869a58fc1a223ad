using Roster.Core.Passwords;

namespace Roster.Core.Tests.Passwords;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("short-9ch", "wang", "at least 10")]
    [InlineData("wang.fang-2027-duty", "wang.fang", "username")]
    [InlineData("WANG.FANG-2027-duty", "wang.fang", "username")]
    [InlineData("password1234", "wang", "common")]
    [InlineData("QwertyUiop", "wang", "common")]
    public void Check_WeakPassword_NamesTheReason(string password, string username, string reason)
    {
        var problems = PasswordPolicy.Check(password, username);
        Assert.Contains(problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_LongUncommonPassword_Passes() =>
        Assert.Empty(PasswordPolicy.Check("雪落东城-duty-1207", "wang.fang"));

    [Fact]
    public void CommonPasswords_ShippedList_IsLoadedAndOnlyHoldsLongEntries()
    {
        Assert.True(CommonPasswords.Count > 1000, $"only {CommonPasswords.Count} entries");
        Assert.True(CommonPasswords.Contains("1qaz2wsx3edc"));
        Assert.False(CommonPasswords.Contains("correct horse battery staple 7"));
    }

    [Fact]
    public void OneTimePassword_New_PassesThePolicyAndDiffersEachTime()
    {
        var first = OneTimePassword.New("abc");
        var second = OneTimePassword.New("abc");
        Assert.Equal(OneTimePassword.Length, first.Length);
        Assert.Empty(PasswordPolicy.Check(first, "abc"));
        Assert.NotEqual(first, second);
    }
}
