using NodaTime;
using Roster.Core.Reminders;

namespace Roster.Scheduler.Tests.Reminders;

public sealed class ReminderTextTests
{
    [Fact]
    public void Write_ShiftReminder_IsInBothLanguagesWithLocalTimes()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var start = Instant.FromUtc(2026, 12, 31, 0, 0);

        var (title, body) = ReminderText.Write(new ReminderFacts(
            ReminderKinds.Shift, "王伟", "第一中学", "No. 1 Middle School", "白班", "Day shift", "staff",
            start, start + Duration.FromHours(12), 60, null, zone), ReminderSettings.Default);

        Assert.Equal("值班提醒 Duty reminder", title);
        Assert.Contains("王伟：您在第一中学的白班（值班人员）将于 2026-12-31 08:00 (Asia/Shanghai) 开始，距开始还有 1 小时", body, StringComparison.Ordinal);
        Assert.Contains("your Day shift (staff on duty) at No. 1 Middle School starts at 2026-12-31 08:00 (Asia/Shanghai), in 1 h", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_UnitTemplate_ReplacesTheDefault()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var start = Instant.FromUtc(2026, 12, 31, 7, 0);

        var (_, body) = ReminderText.Write(new ReminderFacts(
            ReminderKinds.Shift, "Anna", "Schule", "School", "Früh", "Early", "leader", start, start + Duration.FromHours(8), 1440, null, zone),
            ReminderSettings.Default with { TemplateEn = "{person}: {shift} from {start}, {offset} ahead" });

        Assert.EndsWith("Anna: Early from 2026-12-31 08:00 (Europe/Berlin), 24 h ahead", body, StringComparison.Ordinal);
    }
}
