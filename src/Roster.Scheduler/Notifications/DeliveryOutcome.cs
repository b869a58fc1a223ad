namespace Roster.Scheduler.Notifications;

/// <summary>What one delivery attempt came to; <see cref="Detail"/> goes to the delivery log.</summary>
internal sealed record DeliveryOutcome(bool Succeeded, string Detail)
{
    public static DeliveryOutcome Ok(string detail) => new(true, detail);

    public static DeliveryOutcome Failed(string detail) => new(false, detail);
}
