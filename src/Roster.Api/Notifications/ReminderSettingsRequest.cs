using NodaTime;

namespace Roster.Api.Notifications;

/// <summary>
/// A unit's reminder settings: offsets before a shift starts (ISO-8601, each more than 0 and at most P7D, e.g. PT24H),
/// the handover lead before it ends, and optional zh-CN / en templates using {person} {unit} {shift} {role} {start} {end} {offset} {next}.
/// </summary>
public sealed record ReminderSettingsRequest(IReadOnlyList<Duration>? Offsets, Duration? HandoverLead, string? TemplateZh, string? TemplateEn);
