using System.Security.Cryptography;

namespace Roster.Core.Passwords;

/// <summary>
/// A random password handed out once (a new account, a reset) and to be changed at the first sign-in. Sixteen characters
/// from an alphabet without look-alikes (no 0/O, 1/l/I), about 80 bits, read aloud or typed from a phone screen.
/// </summary>
public static class OneTimePassword
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int Length = 16;

    /// <summary>A new password that passes <see cref="PasswordPolicy"/> for <paramref name="username"/>.</summary>
    public static string New(string username)
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Alphabet, Length);
            if (PasswordPolicy.Check(password, username).Count == 0)
            {
                return password;
            }
        }
    }
}
