using NodaTime;
using Roster.Core.Reminders;

namespace Roster.Api.Notifications;

/// <summary>A unit's reminder settings (the defaults when it has set none).</summary>
public sealed record ReminderSettingsResponse(Guid UnitId, IReadOnlyList<Duration> Offsets, Duration HandoverLead, string? TemplateZh, string? TemplateEn)
{
    public static ReminderSettingsResponse From(Guid unitId, ReminderSettings s) => new(unitId, s.Offsets, s.HandoverLead, s.TemplateZh, s.TemplateEn);
}
