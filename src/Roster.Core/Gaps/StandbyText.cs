namespace Roster.Core.Gaps;

/// <summary>Writes the notice of a standby stepping in, in Chinese and English (both in one message).</summary>
public static class StandbyText
{
    public static (string Title, string Body) SteppedIn(string unitName, string unitNameEn, string slotKey, string standbyName, string? replacedName, string gapKind)
    {
        var (zh, en) = gapKind switch
        {
            GapKinds.Unfilled => ("空岗", "unfilled slot"),
            GapKinds.Unavailable => ("值班人员无法到岗", "assignee unavailable"),
            GapKinds.Conflict => ("值班冲突", "duty conflict"),
            GapKinds.MissedCheckIn => ("漏签到", "missed check-in"),
            _ => (gapKind, gapKind),
        };
        var zhFor = replacedName is null ? "" : $"，接替{replacedName}";
        var enFor = replacedName is null ? "" : $", replacing {replacedName}";
        return ("备班顶岗 Standby stepped in",
            $"【备班顶岗】{unitName} {slotKey}（{zh}）：备班人员{standbyName}已自动顶岗{zhFor}。\n"
            + $"[Standby stepped in] {unitNameEn} {slotKey} ({en}): standby {standbyName} now takes the duty{enFor}.");
    }
}
