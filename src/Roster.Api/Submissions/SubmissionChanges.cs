using Roster.Core.Storage.Rosters;

namespace Roster.Api.Submissions;

/// <summary>What changed, slot by slot, from the returned submission <c>fromSubmission</c> to this one.</summary>
public sealed record SubmissionChanges(
    int FromSubmission, int ToSubmission, IReadOnlyList<SlotChange> Added, IReadOnlyList<SlotChange> Removed, IReadOnlyList<SlotChange> Changed);
