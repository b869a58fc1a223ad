namespace Roster.Core.Passwords;

/// <summary>
/// What a password someone chooses must be: at least <see cref="MinLength"/> characters, not containing the username
/// (ignoring case), and not one of the common passwords shipped with the product (ignoring case).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    public const int MaxLength = 200;

    /// <summary>The reasons <paramref name="password"/> is refused for <paramref name="username"/>; empty when it passes.</summary>
    public static IReadOnlyList<string> Check(string password, string username)
    {
        var problems = new List<string>();
        if (password.Length < MinLength)
        {
            problems.Add($"must be at least {MinLength} characters");
        }

        if (password.Length > MaxLength)
        {
            problems.Add($"must be at most {MaxLength} characters");
        }

        if (username.Length > 0 && password.Contains(username, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("must not contain the username");
        }

        if (CommonPasswords.Contains(password))
        {
            problems.Add("is one of the most common passwords");
        }

        return problems;
    }
}
