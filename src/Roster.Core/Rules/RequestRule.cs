using NodaTime;
using Roster.Core.Engine.Search;

namespace Roster.Core.Rules;

/// <summary>Soft: the person wants (<paramref name="Want"/>) or does not want to work on <paramref name="Date"/>
/// (a shift of <see cref="ShiftCode"/>, or any shift); costs <paramref name="Weight"/> when not honoured.</summary>
public sealed record RequestRule(string PersonId, LocalDate Date, bool Want, double Weight) : Rule
{
    public string? ShiftCode { get; init; }

    public override string RuleType => "request";

    public override bool IsHard => false;

    public override IEnumerable<ParameterProblem> CheckParameters()
    {
        if (string.IsNullOrWhiteSpace(PersonId))
        {
            yield return new ParameterProblem("personId", "must name a person");
        }
        if (Weight < 0)
        {
            yield return new ParameterProblem("weight", "must not be negative");
        }
    }

    public override IEnumerable<RuleViolation> Validate(RosterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var works = view.SlotsOf(PersonId).Any(s => s.Date == Date && (ShiftCode is null || string.Equals(s.ShiftCode, ShiftCode, StringComparison.Ordinal)));
        if (works != Want)
        {
            var what = (ShiftCode ?? "duty") + " on " + RuleData.Day(Date);
            yield return Soft(Weight, Want ? $"asked for {what}, not given" : $"asked to be free of {what}, rostered", PersonId, [],
                ("date", Date), ("want", Want), ("shift", ShiftCode ?? ""));
        }
    }

    internal override void Compile(ModelBuilder builder)
    {
        var (p, d) = (builder.PersonIndex(PersonId), builder.DayIndex(Date));
        if (p < 0 || d < 0 || d >= builder.Model.Days)
        {
            return;
        }
        var shift = ShiftCode is null ? -1 : builder.ShiftIndex(ShiftCode);
        if (ShiftCode is not null && shift < 0)
        {
            shift = -2;
        }
        builder.Model.Limits[p].AddRequest(d, new DayRequest(shift, Want, Weight));
    }
}
