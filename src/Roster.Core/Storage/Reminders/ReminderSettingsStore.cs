using Dapper;
using NodaTime;
using Roster.Core.Reminders;

namespace Roster.Core.Storage.Reminders;

/// <summary>A unit's reminder offsets and templates; the defaults when the unit has set none.</summary>
public static class ReminderSettingsStore
{
    public static async Task<(ReminderSettings Settings, int Version)> GetAsync(DbWork work, Guid unitId, CancellationToken ct)
    {
        var row = await work.Connection.QuerySingleOrDefaultAsync<ReminderSettingsRow>(work.Command("""
            SELECT offsets_minutes, handover_minutes, template_zh, template_en, version
            FROM unit_reminder_settings WHERE unit_id = @unitId
            """, new { unitId }, ct));
        return row is null ? (ReminderSettings.Default, 0) : (ToSettings(row), row.Version);
    }

    /// <summary>Saves the settings when <paramref name="version"/> is still current (0: none saved yet); false when stale.</summary>
    public static async Task<bool> SaveAsync(DbWork work, Guid unitId, ReminderSettings settings, int version, CancellationToken ct)
    {
        var offsets = settings.Offsets.Select(o => (int)o.TotalMinutes).ToArray();
        var handover = (int)settings.HandoverLead.TotalMinutes;
        var sql = version == 0
            ? """
              INSERT INTO unit_reminder_settings (unit_id, offsets_minutes, handover_minutes, template_zh, template_en)
              VALUES (@unitId, @offsets, @handover, @zh, @en)
              ON CONFLICT (unit_id) DO NOTHING
              """
            : """
              UPDATE unit_reminder_settings SET offsets_minutes = @offsets, handover_minutes = @handover,
                  template_zh = @zh, template_en = @en, version = version + 1
              WHERE unit_id = @unitId AND version = @version
              """;
        var changed = await work.Connection.ExecuteAsync(work.Command(
            sql, new { unitId, offsets, handover, zh = settings.TemplateZh, en = settings.TemplateEn, version }, ct));
        return changed == 1;
    }

    private static ReminderSettings ToSettings(ReminderSettingsRow row) => new(
        [.. row.OffsetsMinutes.Select(m => Duration.FromMinutes(m))], Duration.FromMinutes(row.HandoverMinutes), row.TemplateZh, row.TemplateEn);
}
