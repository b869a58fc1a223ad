using Roster.Core.Model;

namespace Roster.Api.Rosters;

/// <summary>How a query names a roster version: <c>draft</c>, <c>published</c>, or its number.</summary>
internal static class VersionNames
{
    /// <summary>The status a name stands for (the draft or the published version); null for a number or anything else.</summary>
    public static RosterStatus? StatusOf(string version) =>
        StateCodes.Find<RosterStatus>(version) is { } status && status != RosterStatus.Superseded ? status : null;
}
