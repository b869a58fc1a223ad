using System.Text.Json;
using Roster.Api.Problems;
using Roster.Core.Rules;

namespace Roster.Api.Periods;

/// <summary>
/// Checks a rule set: it must be a JSON array (else 400); each rule must be of a known type with sensible parameters
/// (else 422 naming <c>rules[i].field</c>).
/// </summary>
internal static class RuleSetValidation
{
    public const int MaxRules = 500;

    /// <summary>The rule set as JSON text ("[]" when absent). Shape errors go to <paramref name="errors"/>, rule errors to <paramref name="ruleErrors"/>.</summary>
    public static string Validate(JsonElement? rules, FieldErrors errors, FieldErrors ruleErrors)
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

        var text = set.GetRawText();
        foreach (var e in RuleJson.Parse(text).Errors)
        {
            var field = e.Field.Length == 0 ? "" : "." + (e.Field.StartsWith("$.", StringComparison.Ordinal) ? e.Field[2..] : e.Field);
            ruleErrors.Add($"rules[{e.Index}]{field}", e.RuleType.Length == 0 ? e.Message : $"{e.RuleType}: {e.Message}");
        }

        return text;
    }
}
