namespace Roster.Core.Gaps;

/// <summary>Writes a gap notification in Chinese and English (both in one message).</summary>
public static class GapText
{
    public static (string Title, string Body) Write(string kind, string unitName, string unitNameEn, string slotKey, string detail)
    {
        var (zh, en) = kind switch
        {
            GapKinds.Unfilled => ("空岗", "unfilled slot"),
            GapKinds.Unavailable => ("值班人员无法到岗", "assignee unavailable"),
            GapKinds.Conflict => ("值班冲突", "duty conflict"),
            GapKinds.MissedCheckIn => ("漏签到", "missed check-in"),
            GapKinds.LateReport => ("迟报", "late report"),
            _ => (kind, kind),
        };
        return ("空岗提醒 Coverage gap",
            $"【空岗提醒】{unitName} {slotKey}：{zh}。\n[Coverage gap] {unitNameEn} {slotKey}: {en} ({detail}).");
    }
}
