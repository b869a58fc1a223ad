using System.Collections.Frozen;
using System.Reflection;

namespace Roster.Core.Passwords;

/// <summary>The common passwords the policy refuses (see README.md for their source), compared ignoring case.</summary>
public static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string password) => List.Value.Contains(password.Trim().ToLowerInvariant());

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Roster.Core.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line.ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
