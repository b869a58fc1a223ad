using NodaTime;

namespace Roster.Api.Submissions;

/// <summary>The submission board of <c>unitId</c>'s child units for a period, with the period's deadline.</summary>
public sealed record BoardResponse(Guid PeriodId, Guid UnitId, bool RequiresApproval, Instant? SubmissionDue, IReadOnlyList<BoardEntryResponse> Units);
