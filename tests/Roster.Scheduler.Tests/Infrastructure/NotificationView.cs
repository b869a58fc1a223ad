namespace Roster.Scheduler.Tests.Infrastructure;

/// <summary>A notification as tests look at it.</summary>
public sealed class NotificationView
{
    public long Id { get; init; }

    public string IdempotencyKey { get; init; } = "";

    public string Channel { get; init; } = "";

    public string Status { get; init; } = "";

    public string Body { get; init; } = "";
}
