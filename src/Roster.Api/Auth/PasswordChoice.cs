using Microsoft.AspNetCore.Identity;
using Roster.Api.Problems;
using Roster.Core.Passwords;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>Checks a password someone chooses: the policy, and no reuse of the current or a remembered password.</summary>
internal static class PasswordChoice
{
    public static void Check(FieldErrors errors, string field, string password, AccountRow account, IPasswordHasher<AccountRow> hasher)
    {
        foreach (var problem in PasswordPolicy.Check(password, account.Username))
        {
            errors.Add(field, problem);
        }

        if (errors.Any)
        {
            return;
        }

        var used = new[] { account.PasswordHash }.Concat(account.PreviousPasswordHashes);
        if (used.Any(hash => hasher.VerifyHashedPassword(account, hash, password) != PasswordVerificationResult.Failed))
        {
            errors.Add(field, $"must differ from the current and the last {AccountStore.RememberedPasswords} passwords");
        }
    }
}
