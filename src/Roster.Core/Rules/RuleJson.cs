using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Roster.Core.Rules;

/// <summary>Reads and writes rules as JSON (camelCase, a "type" discriminator, NodaTime values in ISO form).</summary>
public static class RuleJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "qualification", "employmentType", "noOverlap", "minRest", "forbiddenSuccession", "consecutiveDutyDays",
        "minConsecutiveDaysOff", "workload", "maxWeekends", "availability", "tagRequirement",
        "coverage", "request", "fairness", "spread", "stability", "standbyFairness",
    };

    public static string Serialize(IReadOnlyList<Rule> rules) => JsonSerializer.Serialize(rules, Options);

    /// <summary>Parses a JSON array of rules. Unknown types, unreadable fields and bad parameters come back as errors, never exceptions.</summary>
    public static (IReadOnlyList<Rule> Rules, IReadOnlyList<RuleParameterError> Errors) Parse(string json)
    {
        var rules = new List<Rule>();
        var errors = new List<RuleParameterError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return (rules, [new RuleParameterError(-1, "", "", "not valid JSON: " + e.Message)]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return (rules, [new RuleParameterError(-1, "", "", "expected an array of rules")]);
            }
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                ParseOne(element, index++, rules, errors);
            }
        }
        return (rules, errors);
    }

    private static void ParseOne(JsonElement element, int index, List<Rule> rules, List<RuleParameterError> errors)
    {
        var type = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (!KnownTypes.Contains(type))
        {
            errors.Add(new RuleParameterError(index, type, "type", type.Length == 0 ? "missing rule type" : $"unknown rule type '{type}'"));
            return;
        }
        Rule? rule;
        try
        {
            rule = element.Deserialize<Rule>(Options);
        }
        catch (JsonException e)
        {
            errors.Add(new RuleParameterError(index, type, e.Path ?? "", e.Message));
            return;
        }
        if (rule is null)
        {
            errors.Add(new RuleParameterError(index, type, "", "empty rule"));
            return;
        }
        var problems = rule.CheckParameters().Select(p => new RuleParameterError(index, type, p.Field, p.Message)).ToList();
        errors.AddRange(problems);
        if (problems.Count == 0)
        {
            rules.Add(rule);
        }
    }

    /// <summary>RuleType and IsHard are computed; overrides in the rule records do not inherit the base's [JsonIgnore].</summary>
    private static void HideComputed(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(Rule).IsAssignableFrom(info.Type))
        {
            return;
        }
        foreach (var property in info.Properties.Where(p => p.Name is "ruleType" or "isHard").ToList())
        {
            info.Properties.Remove(property);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectRequiredConstructorParameters = true,
            // PostgreSQL's jsonb reorders keys, so "type" is not always first.
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { HideComputed } },
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        // Durations as ISO-8601 (PT12H), like everywhere else on the wire.
        options.Converters.Insert(0, new Model.IsoDurationJsonConverter());
        options.MakeReadOnly(true);
        return options;
    }
}
