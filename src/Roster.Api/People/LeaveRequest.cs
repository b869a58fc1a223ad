using NodaTime;

namespace Roster.Api.People;

/// <summary>Leave or a day off, from <c>firstDay</c> to <c>lastDay</c> inclusive.</summary>
public sealed record LeaveRequest(LocalDate? FirstDay, LocalDate? LastDay, string? Kind, string? Status, string? Reason);
