using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>The leave after the decision and, once approved, the published duties it leaves uncovered.</summary>
public sealed record LeaveDecisionResponse(LeaveResponse Leave, IReadOnlyList<AffectedDuty> Affected);
