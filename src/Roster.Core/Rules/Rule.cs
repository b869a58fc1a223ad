using System.Text.Json.Serialization;
using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>A hard or soft constraint, declared as data. JSON carries the kind in a "type" field.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(QualificationRule), "qualification")]
[JsonDerivedType(typeof(EmploymentTypeRule), "employmentType")]
[JsonDerivedType(typeof(NoOverlapRule), "noOverlap")]
[JsonDerivedType(typeof(MinRestRule), "minRest")]
[JsonDerivedType(typeof(ForbiddenSuccessionRule), "forbiddenSuccession")]
[JsonDerivedType(typeof(ConsecutiveDutyDaysRule), "consecutiveDutyDays")]
[JsonDerivedType(typeof(MinConsecutiveDaysOffRule), "minConsecutiveDaysOff")]
[JsonDerivedType(typeof(WorkloadLimitRule), "workload")]
[JsonDerivedType(typeof(MaxWeekendsRule), "maxWeekends")]
[JsonDerivedType(typeof(AvailabilityRule), "availability")]
[JsonDerivedType(typeof(TagRequirementRule), "tagRequirement")]
[JsonDerivedType(typeof(CoverageRule), "coverage")]
[JsonDerivedType(typeof(RequestRule), "request")]
[JsonDerivedType(typeof(FairnessRule), "fairness")]
[JsonDerivedType(typeof(SpreadRule), "spread")]
[JsonDerivedType(typeof(StabilityRule), "stability")]
[JsonDerivedType(typeof(StandbyFairnessRule), "standbyFairness")]
public abstract record Rule
{
    /// <summary>The JSON discriminator of this rule.</summary>
    [JsonIgnore]
    public abstract string RuleType { get; }

    [JsonIgnore]
    public abstract bool IsHard { get; }

    /// <summary>Parameter problems (bad values, min above max); empty when the rule is usable.</summary>
    public virtual IEnumerable<ParameterProblem> CheckParameters() => [];

    /// <summary>Every violation (hard) or charge (soft) of this rule in the roster.</summary>
    public abstract IEnumerable<RuleViolation> Validate(RosterView view);

    /// <summary>Why <paramref name="person"/> cannot take <paramref name="slot"/> given the rest of the roster; null if this rule allows it.</summary>
    public virtual Exclusion? Explain(RosterView view, Slot slot, Person person) => null;

    /// <summary>The solver's encoding of this rule.</summary>
    internal abstract void Compile(ModelBuilder builder);

    protected RuleViolation Hard(string message, string? personId, IReadOnlyList<string> slotIds, params (string Key, object Value)[] data) =>
        new(RuleType, true, message, personId, slotIds, 0, RuleData.Of(data));

    protected RuleViolation Soft(double penalty, string message, string? personId, IReadOnlyList<string> slotIds, params (string Key, object Value)[] data) =>
        new(RuleType, false, message, personId, slotIds, penalty, RuleData.Of(data));

    protected Exclusion Excludes(Person person, string message, params (string Key, object Value)[] data) =>
        new(person.Id, RuleType, message, RuleData.Of(data));
}
