using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>
/// A hash of a random password, checked when the username is unknown or disabled, so that such a sign-in costs the same
/// hashing time as a real one and its timing does not tell which usernames exist.
/// </summary>
internal sealed class DecoyHash(IPasswordHasher<AccountRow> hasher)
{
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(new AccountRow(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public void Verify(string password) => hasher.VerifyHashedPassword(new AccountRow(), _hash.Value, password);
}
