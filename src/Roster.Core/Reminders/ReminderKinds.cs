namespace Roster.Core.Reminders;

/// <summary>What a reminder is about.</summary>
public static class ReminderKinds
{
    /// <summary>Before a shift starts, to the person on duty.</summary>
    public const string Shift = "shift";

    /// <summary>Before a shift ends, to the outgoing person, naming who takes over (交接班).</summary>
    public const string Handover = "handover";
}
