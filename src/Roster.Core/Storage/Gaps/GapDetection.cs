namespace Roster.Core.Storage.Gaps;

/// <summary>What one detection pass changed. <see cref="NotificationIds"/> are left for the outbox relay to enqueue.</summary>
public sealed record GapDetection(IReadOnlyList<GapRow> Opened, int Resolved, IReadOnlyList<long> NotificationIds);
