using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.Rosters;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>
/// A unit's own rules for a period it inherits: read by anyone who sees the unit, written by its administrators. The
/// engine, the validator and the explanations apply them on top of the period's rules.
/// </summary>
internal static class UnitRuleEndpoints
{
    public static void MapUnitRules(this ApiGroups groups)
    {
        var group = groups.Roster.MapGroup("/rules").WithTags("Periods");
        group.MapGet("/", GetAsync);
        group.MapPut("/", PutAsync).Administered();
    }

    private static async Task<Results<Ok<UnitRulesResponse>, ProblemHttpResult>> GetAsync(
        [AsParameters] RosterCall call, HttpResponse response, CancellationToken ct)
    {
        var (work, period, periodId, unitId) = (call.Work, call.Period, call.PeriodId, call.UnitId);
        var (rules, version) = await UnitRuleStore.FindVersionedAsync(work, periodId, unitId, ct);
        ETags.Set(response, version);
        return TypedResults.Ok(UnitRulesResponse.From(periodId, unitId, rules, period.Rules, version));
    }

    private static async Task<Results<Ok<UnitRulesResponse>, ProblemHttpResult>> PutAsync(
        [AsParameters] RosterCall call, UnitRulesRequest request, HttpRequest http, Auditor audit, CancellationToken ct)
    {
        var (work, period, periodId, unitId) = (call.Work, call.Period, call.PeriodId, call.UnitId);
        var (before, version) = await UnitRuleStore.FindVersionedAsync(work, periodId, unitId, ct);
        if (ETags.Precondition(http, version) is { } failed)
        {
            return failed;
        }

        var errors = new FieldErrors();
        var ruleErrors = new FieldErrors();
        if (request.Rules is null)
        {
            errors.Add("rules", "is required (use [] for none)");
        }

        var rules = RuleSetValidation.Validate(request.Rules, errors, ruleErrors);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        if (ruleErrors.Any)
        {
            return ApiProblems.Unprocessable(ruleErrors);
        }

        var saved = await UnitRuleStore.SaveAsync(work, periodId, unitId, rules, version, ct);
        if (saved is not { } newVersion)
        {
            return ApiProblems.Stale();
        }

        var body = UnitRulesResponse.From(periodId, unitId, rules, period.Rules, newVersion);
        await audit.RecordAsync(
            work, unitId, "unit-rules", periodId, version == 0 ? "create" : "update",
            version == 0 ? null : UnitRulesResponse.From(periodId, unitId, before, period.Rules, version), body, ct);
        ETags.Set(http.HttpContext.Response, newVersion);
        return TypedResults.Ok(body);
    }
}
