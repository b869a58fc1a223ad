using NodaTime;

namespace Roster.Core.Reminders;

/// <summary>A unit's reminder offsets and optional message templates.</summary>
/// <param name="Offsets">How long before a shift's start each reminder falls due; each 0 &lt; offset ≤ 7 days.</param>
/// <param name="HandoverLead">How long before a shift's end the outgoing person is reminded to hand over; zero means at the end.</param>
/// <param name="TemplateZh">Chinese message template, or null for the default.</param>
/// <param name="TemplateEn">English message template, or null for the default.</param>
public sealed record ReminderSettings(IReadOnlyList<Duration> Offsets, Duration HandoverLead, string? TemplateZh, string? TemplateEn)
{
    /// <summary>The longest offset accepted.</summary>
    public static readonly Duration MaxOffset = Duration.FromDays(7);

    /// <summary>24 h and 1 h before the start; handover 30 minutes before the end.</summary>
    public static readonly ReminderSettings Default = new([Duration.FromHours(24), Duration.FromHours(1)], Duration.FromMinutes(30), null, null);
}
