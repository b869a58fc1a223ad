using System.Text.Json;

namespace Roster.Api.Periods;

/// <summary>A unit's own rules for a period (version 0: none set yet), and the period's rules it adds to.</summary>
public sealed record UnitRulesResponse(Guid PeriodId, Guid UnitId, JsonElement Rules, JsonElement PeriodRules, int Version)
{
    public static UnitRulesResponse From(Guid periodId, Guid unitId, string rules, string periodRules, int version)
    {
        using var own = JsonDocument.Parse(rules);
        using var inherited = JsonDocument.Parse(periodRules);
        return new(periodId, unitId, own.RootElement.Clone(), inherited.RootElement.Clone(), version);
    }
}
