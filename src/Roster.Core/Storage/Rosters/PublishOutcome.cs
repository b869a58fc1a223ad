using Roster.Core.Rules;

namespace Roster.Core.Storage.Rosters;

/// <summary>What became of publishing a unit's draft.</summary>
public abstract record PublishOutcome
{
    private PublishOutcome()
    {
    }

    /// <summary><paramref name="Version"/> is published; <paramref name="Previous"/> was the version published before it, if any.</summary>
    public sealed record Published(RosterVersionRow? Previous, RosterVersionRow Version, RosterDiff Diff) : PublishOutcome;

    /// <summary>The unit has no draft.</summary>
    public sealed record NoDraft : PublishOutcome;

    /// <summary>The draft breaks these hard rules, none explained by a forced assignment.</summary>
    public sealed record Broken(IReadOnlyList<RuleViolation> Violations) : PublishOutcome;
}
