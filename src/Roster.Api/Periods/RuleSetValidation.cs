using System.Text.Json;
using Roster.Api.Problems;

namespace Roster.Api.Periods;

/// <summary>Checks the shape of a rule set: a JSON array of objects that each name their <c>type</c>.</summary>
internal static class RuleSetValidation
{
    public const int MaxRules = 200;

    /// <summary>The rule set as compact JSON text, or "[]" when absent.</summary>
    public static string Validate(JsonElement? rules, FieldErrors errors)
    {
        if (rules is not { } set || set.ValueKind == JsonValueKind.Null)
        {
            return "[]";
        }

        if (set.ValueKind != JsonValueKind.Array)
        {
            errors.Add("rules", "must be an array of rule objects");
            return "[]";
        }

        if (set.GetArrayLength() > MaxRules)
        {
            errors.Add("rules", $"may hold at most {MaxRules} rules");
            return "[]";
        }

        var i = 0;
        foreach (var rule in set.EnumerateArray())
        {
            if (rule.ValueKind != JsonValueKind.Object
                || !rule.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(type.GetString()))
            {
                errors.Add($"rules[{i}].type", "is required: each rule is an object with a string type");
            }

            i++;
        }

        return set.GetRawText();
    }
}
