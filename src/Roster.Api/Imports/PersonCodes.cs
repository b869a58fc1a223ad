using System.Text.RegularExpressions;

namespace Roster.Api.Imports;

/// <summary>
/// The words a staff list uses for duty roles and employment types, in Chinese or English, mapped to the codes the API
/// stores. Roles and tags are separated by commas (either width), 、, semicolons or spaces.
/// </summary>
internal static partial class PersonCodes
{
    private static readonly Dictionary<string, string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["带班领导"] = "leader", ["带班"] = "leader", ["领导"] = "leader", ["leader"] = "leader",
        ["值班人员"] = "staff", ["值班员"] = "staff", ["值班"] = "staff", ["staff"] = "staff",
    };

    private static readonly Dictionary<string, string> EmploymentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["正式"] = "formal", ["正式工作人员"] = "formal", ["在编"] = "formal", ["formal"] = "formal",
        ["合同"] = "contract", ["合同工"] = "contract", ["编外"] = "contract", ["contract"] = "contract",
        ["临时"] = "temporary", ["临时工"] = "temporary", ["temporary"] = "temporary",
    };

    public static IReadOnlyList<string> Split(string text) =>
        [.. Separators().Split(text).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>A role word or code; null when it is neither.</summary>
    public static string? Role(string word) =>
        RoleWords.TryGetValue(word, out var code) ? code : IsCode(word) ? word.ToLowerInvariant() : null;

    public static string? Employment(string word) =>
        word.Length == 0 ? "formal" : EmploymentWords.GetValueOrDefault(word.Split(' ')[0]) ?? EmploymentWords.GetValueOrDefault(word);

    public static bool IsCode(string word) => Code().IsMatch(word);

    [GeneratedRegex(@"[,;、\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
