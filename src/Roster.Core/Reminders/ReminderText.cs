using System.Globalization;
using NodaTime.Text;
using Roster.Core.Model;

namespace Roster.Core.Reminders;

/// <summary>Writes a reminder in Chinese and English (both in one message), with times in the unit's zone.</summary>
public static class ReminderText
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public static (string Title, string Body) Write(ReminderFacts facts, ReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var handover = facts.Kind == ReminderKinds.Handover;
        var zh = Render(handover ? ReminderTemplate.HandoverZh : settings.TemplateZh ?? ReminderTemplate.DefaultZh, facts, chinese: true);
        var en = Render(handover ? ReminderTemplate.HandoverEn : settings.TemplateEn ?? ReminderTemplate.DefaultEn, facts, chinese: false);
        var title = handover ? "交接班提醒 Handover reminder" : "值班提醒 Duty reminder";
        return (title, zh + "\n" + en);
    }

    private static string Render(string template, ReminderFacts f, bool chinese)
    {
        var zoneName = " (" + f.Zone.Id + ")";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["person"] = f.PersonName,
            ["unit"] = chinese ? f.UnitName : f.UnitNameEn,
            ["shift"] = chinese ? f.ShiftName : f.ShiftNameEn,
            ["role"] = RoleName(f.Role, chinese),
            ["start"] = Local.Format(f.Start.InZone(f.Zone).LocalDateTime) + zoneName,
            ["end"] = Local.Format(f.End.InZone(f.Zone).LocalDateTime) + zoneName,
            ["offset"] = Offset(f.OffsetMinutes, chinese),
            ["next"] = f.NextPersonName ?? "",
        };
        return ReminderTemplate.Render(template, values);
    }

    private static string RoleName(string role, bool chinese) => (role, chinese) switch
    {
        (DutyRoles.Leader, true) => "带班领导",
        (DutyRoles.Leader, false) => "leader on duty",
        (DutyRoles.Staff, true) => "值班人员",
        (DutyRoles.Staff, false) => "staff on duty",
        _ => role,
    };

    private static string Offset(int minutes, bool chinese)
    {
        if (minutes % 60 == 0)
        {
            var hours = (minutes / 60).ToString(CultureInfo.InvariantCulture);
            return chinese ? hours + " 小时" : hours + " h";
        }

        var m = minutes.ToString(CultureInfo.InvariantCulture);
        return chinese ? m + " 分钟" : m + " min";
    }
}
