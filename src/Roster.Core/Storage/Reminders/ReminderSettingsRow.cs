namespace Roster.Core.Storage.Reminders;

/// <summary>unit_reminder_settings as stored.</summary>
internal sealed class ReminderSettingsRow
{
    public int[] OffsetsMinutes { get; init; } = [];

    public int HandoverMinutes { get; init; }

    public string? TemplateZh { get; init; }

    public string? TemplateEn { get; init; }

    public int Version { get; init; }
}
