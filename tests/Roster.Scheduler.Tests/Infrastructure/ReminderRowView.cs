using NodaTime;

namespace Roster.Scheduler.Tests.Infrastructure;

/// <summary>A reminder as tests look at it.</summary>
public sealed class ReminderRowView
{
    public Guid Id { get; init; }

    public string Kind { get; init; } = "";

    public Guid PersonId { get; init; }

    public Guid RosterVersionId { get; init; }

    public Instant DueAt { get; init; }

    public string Status { get; init; } = "";
}
