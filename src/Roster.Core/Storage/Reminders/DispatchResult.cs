using NodaTime;

namespace Roster.Core.Storage.Reminders;

/// <summary>
/// What one dispatch pass did. <see cref="NotificationIds"/> need delivery jobs once the transaction commits;
/// <see cref="Lateness"/> says, per reminder sent, how long after its due time it went out.
/// </summary>
public sealed record DispatchResult(int Dispatched, int Missed, IReadOnlyList<long> NotificationIds)
{
    public IReadOnlyList<Duration> Lateness { get; init; } = [];
}
