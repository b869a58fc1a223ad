using NodaTime;
using Roster.Core.Storage.Notifications;

namespace Roster.Core.Storage.Duty;

/// <summary>Writes duty notifications (both languages in one message) in the transaction of their cause.</summary>
public static class DutyNotices
{
    public const string Incident = "incident";
    public const string IncidentEscalated = "incident_escalated";
    public const string MissedCheckInEscalated = "missed_check_in_escalated";
    public const string SwapApplied = "swap_applied";

    /// <summary>Tells the recipients once per (reason, key): writing the same notice twice writes nothing new.</summary>
    public static Task<IReadOnlyList<long>> SendAsync(
        DbWork work, Guid unitId, string reason, string key, IReadOnlyList<Recipient> recipients, string title, string body, object data,
        Instant now, CancellationToken ct) =>
        NotificationOutbox.AddAsync(work, unitId, reason, key, recipients, [], title, body, data, now, now, enqueueAfterCommit: false, ct);
}
