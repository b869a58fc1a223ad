using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>
/// A hash of a random password, checked when the username is unknown or disabled, so that such a sign-in costs the same
/// hashing time as a real one and its timing does not tell which usernames exist. Made by the same hasher as every
/// account's hash, so it has their cost parameters (checked by the tests; the timing itself is measured by
/// <c>./roster bench signin</c>).
/// </summary>
internal sealed class DecoyHash(IPasswordHasher<AccountRow> hasher)
{
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(new AccountRow(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
    private long _verifications;

    /// <summary>The decoy's stored form, in the hasher's format (algorithm and cost parameters included).</summary>
    public string Hash => _hash.Value;

    /// <summary>How many sign-ins paid for the decoy since the process started.</summary>
    public long Verifications => Interlocked.Read(ref _verifications);

    public void Verify(string password)
    {
        hasher.VerifyHashedPassword(new AccountRow(), _hash.Value, password);
        Interlocked.Increment(ref _verifications);
    }
}
