using NodaTime;
using Roster.Api.Accounts;
using Roster.Api.Problems;
using Roster.Api.Units;

namespace Roster.Api.Bootstrap;

/// <summary>
/// What <c>./roster bootstrap</c> was asked: <c>--bureau NAME --code CODE --username USER [--name-en NAME]
/// [--time-zone ZONE] [--another-root]</c>.
/// </summary>
internal sealed record BootstrapArguments(string Bureau, string? BureauEn, string Code, string Username, string TimeZone, bool AnotherRoot)
{
    public const string Usage =
        "usage: ./roster bootstrap --bureau NAME --code CODE --username USER [--name-en NAME] [--time-zone Asia/Shanghai] [--another-root]";

    /// <summary>The arguments, or the problems with them (one line each).</summary>
    public static (BootstrapArguments? Arguments, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var anotherRoot = false;
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--another-root")
            {
                anotherRoot = true;
            }
            else if (arg is "--bureau" or "--code" or "--username" or "--time-zone" or "--name-en" && i + 1 < args.Count)
            {
                values[arg[2..]] = args[++i];
            }
            else
            {
                problems.Add($"unknown or incomplete option: {arg}");
            }
        }

        var errors = new FieldErrors();
        var (code, name, nameEn, zone) = UnitValidation.Validate(new UnitRequest(
            null, values.GetValueOrDefault("code"), values.GetValueOrDefault("bureau"), values.GetValueOrDefault("name-en"),
            values.GetValueOrDefault("time-zone")), errors);
        var username = AccountValidation.Username(errors, values.GetValueOrDefault("username"));
        var flags = new Dictionary<string, string> { ["name"] = "--bureau", ["nameEn"] = "--name-en", ["timeZone"] = "--time-zone" };
        problems.AddRange(errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{flags.GetValueOrDefault(e.Key, "--" + e.Key)} {m}")));
        return problems.Count > 0 ? (null, problems) : (new BootstrapArguments(name, nameEn, code, username, zone, anotherRoot), problems);
    }

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZone];
}
