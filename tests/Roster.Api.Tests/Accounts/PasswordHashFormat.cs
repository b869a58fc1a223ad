namespace Roster.Api.Tests.Accounts;

/// <summary>
/// The cost parameters of an ASP.NET Core Identity password hash, read from its stored form: version 3 is a marker byte
/// 0x01, then the PRF, the PBKDF2 iteration count and the salt's length as big-endian 32-bit numbers, the salt, the subkey.
/// </summary>
public sealed record PasswordHashFormat(int Version, uint Prf, uint Iterations, uint SaltBytes, int SubkeyBytes)
{
    public static PasswordHashFormat Parse(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.True(bytes.Length > 13 && bytes[0] == 0x01, $"not a version 3 hash (marker {bytes[0]:x2}, {bytes.Length} bytes)");
        static uint Read(byte[] b, int at) => ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];
        var salt = Read(bytes, 9);
        return new PasswordHashFormat(3, Read(bytes, 1), Read(bytes, 5), salt, bytes.Length - 13 - (int)salt);
    }
}
