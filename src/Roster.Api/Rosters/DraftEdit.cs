using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>A hand edit under way: the draft it changes (locked) and the published roster beside it, if any.</summary>
internal sealed record DraftEdit(RosterVersionRow Draft, RosterVersionRow? Published);
