using System.Text;
using System.Text.RegularExpressions;

namespace Roster.Core.Reminders;

/// <summary>Message templates with <c>{placeholder}</c> fields; unknown placeholders are refused when a template is saved.</summary>
public static partial class ReminderTemplate
{
    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlySet<string> Placeholders =
        new HashSet<string>(["person", "unit", "shift", "role", "start", "end", "offset", "next"], StringComparer.Ordinal);

    public const string DefaultZh = "【值班提醒】{person}：您在{unit}的{shift}（{role}）将于 {start} 开始，距开始还有 {offset}。";

    public const string DefaultEn = "[Duty reminder] {person}: your {shift} ({role}) at {unit} starts at {start}, in {offset}.";

    public const string HandoverZh = "【交接班提醒】{person}：您在{unit}的{shift}（{role}）将于 {end} 结束，请与接班人 {next} 做好交接。";

    public const string HandoverEn = "[Handover] {person}: your {shift} ({role}) at {unit} ends at {end}; hand over to {next}.";

    /// <summary>Placeholders in <paramref name="template"/> that are not in <see cref="Placeholders"/>.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        [.. PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct()];

    /// <summary>Replaces every known placeholder; values missing from <paramref name="values"/> become empty.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder(template.Length + 64);
        var last = 0;
        foreach (Match m in PlaceholderPattern().Matches(template))
        {
            builder.Append(template, last, m.Index - last);
            builder.Append(values.TryGetValue(m.Groups[1].Value, out var v) ? v : "");
            last = m.Index + m.Length;
        }

        builder.Append(template, last, template.Length - last);
        return builder.ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();
}
