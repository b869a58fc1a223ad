namespace Roster.Core.Storage.Reminders;

/// <summary>What one dispatch pass did. <see cref="NotificationIds"/> need delivery jobs once the transaction commits.</summary>
public sealed record DispatchResult(int Dispatched, int Missed, IReadOnlyList<long> NotificationIds);
