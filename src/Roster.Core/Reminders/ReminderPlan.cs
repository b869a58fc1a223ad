using System.Globalization;

namespace Roster.Core.Reminders;

/// <summary>Which reminders a set of assignments asks for: pure, so the same roster always gives the same reminders.</summary>
public static class ReminderPlan
{
    /// <summary>
    /// One shift reminder per assignment and offset, due at start − offset; and one handover reminder per assignment that
    /// another person takes over (same role, starting when this one ends), due at end − handover lead.
    /// </summary>
    /// <remarks>
    /// The key holds the slot, the person and the offset, so republishing a roster that keeps a person in a slot keeps the
    /// reminder, while a swap gives a new key (the old reminder is cancelled, the new one planned).
    /// </remarks>
    public static IReadOnlyList<DesiredReminder> Desired(IReadOnlyList<PlannedAssignment> assignments, ReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(settings);
        var byRoleAndStart = assignments
            .GroupBy(a => (a.Role, a.Start))
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.SlotKey, StringComparer.Ordinal).ToList());
        var result = new List<DesiredReminder>();
        foreach (var a in assignments)
        {
            foreach (var offset in settings.Offsets.Distinct())
            {
                var minutes = (int)offset.TotalMinutes;
                result.Add(new DesiredReminder(
                    Key(ReminderKinds.Shift, a, minutes), ReminderKinds.Shift, a.PersonId, a.SlotKey, a.ShiftCode, a.Role,
                    minutes, a.Start, a.End, a.Start - offset, null));
            }

            if (byRoleAndStart.TryGetValue((a.Role, a.End), out var next) && next.FirstOrDefault(n => n.PersonId != a.PersonId) is { } taker)
            {
                var lead = (int)settings.HandoverLead.TotalMinutes;
                result.Add(new DesiredReminder(
                    Key(ReminderKinds.Handover, a, lead) + "/" + taker.PersonId.ToString("N"), ReminderKinds.Handover, a.PersonId,
                    a.SlotKey, a.ShiftCode, a.Role, lead, a.Start, a.End, a.End - settings.HandoverLead, taker.PersonId));
            }
        }

        return result;
    }

    private static string Key(string kind, PlannedAssignment a, int minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}/{a.SlotKey}/{a.PersonId:N}/{minutes}");
}
