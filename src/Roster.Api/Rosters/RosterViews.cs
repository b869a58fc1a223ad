using Roster.Core.Rules;

namespace Roster.Api.Rosters;

/// <summary>Turns engine output into what the API shows.</summary>
internal static class RosterViews
{
    public static ViolationResponse Violation(RuleViolation v) =>
        new(v.RuleType, v.Hard, v.Message, v.PersonId is null ? null : Guid.Parse(v.PersonId), v.SlotIds, v.Penalty, v.Data);
}
