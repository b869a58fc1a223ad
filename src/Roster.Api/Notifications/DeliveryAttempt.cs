using NodaTime;

namespace Roster.Api.Notifications;

/// <summary>One try at delivering a notification; <c>instance</c> names the scheduler node that made it.</summary>
public sealed record DeliveryAttempt(int Attempt, Instant At, bool Succeeded, string? Detail, string Instance);
