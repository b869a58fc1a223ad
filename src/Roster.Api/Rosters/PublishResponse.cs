using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>The version just published and what changed since the one published before.</summary>
public sealed record PublishResponse(RosterVersionResponse Version, RosterDiff Diff);
