using System.Globalization;

namespace Roster.Bench;

/// <summary>"--name value" pairs after the mode word.</summary>
internal sealed class Args(string[] args)
{
    public string Mode => args.Length > 0 ? args[0] : "";

    public string? Text(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public double Number(string name, double fallback) =>
        Text(name) is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public int Int(string name, int fallback) => (int)Number(name, fallback);
}
