using NodaTime;

namespace Roster.Api.People;

/// <summary>
/// Leave or a day off, from <c>firstDay</c> to <c>lastDay</c> inclusive. A <c>compensatory</c> leave (补休) spends
/// <c>hours</c> of the person's compensatory balance (8 per day when not given).
/// </summary>
public sealed record LeaveRequest(LocalDate? FirstDay, LocalDate? LastDay, string? Kind, string? Status, string? Reason, decimal? Hours = null);
