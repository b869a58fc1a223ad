using NodaTime;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Core.Storage.Duty;

/// <summary>
/// Live changes (replacements, swaps) in a period whose rosters the unit above approves: either they go through the
/// draft and a new approval, or they are an urgent change, with a reason, audited and told to the unit above at once.
/// </summary>
public static class UrgentChanges
{
    public const string NotificationKind = "urgent_roster_change";

    /// <summary>True when the period requires approval and the change is not marked urgent: it may not go ahead.</summary>
    public static bool Blocked(PeriodRow period, bool urgent) => period.RequiresApproval && !urgent;

    /// <summary>Tells the supervisors above the unit of an urgent change to an approved roster, in the change's transaction.</summary>
    public static async Task NotifyAboveAsync(
        DbWork work, PeriodRow period, UnitRow unit, string key, string change, string reason, Instant now, CancellationToken ct)
    {
        if (!period.RequiresApproval || unit.ParentId is not { } parent)
        {
            return;
        }

        var recipients = await DutyRecipients.SupervisorsAsync(work, parent, ct);
        await DutyNotices.SendAsync(work, unit.Id, NotificationKind, key, recipients, "紧急调整值班表 Urgent roster change",
            $"【紧急调整】{unit.Name}：{change}。原因：{reason}\n[Urgent change] {unit.Name}: {change}. Reason: {reason}",
            new { unitId = unit.Id, periodId = period.Id, change, reason }, now, ct);
    }
}
