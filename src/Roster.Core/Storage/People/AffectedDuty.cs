using NodaTime;
using Roster.Core.Storage.Rosters;

namespace Roster.Core.Storage.People;

/// <summary>A published duty that approved leave takes away, with who could take it instead, best first.</summary>
public sealed record AffectedDuty(
    Guid PeriodId, Guid UnitId, string SlotKey, Instant Start, Instant End, IReadOnlyList<ReplacementCandidate> Candidates);
