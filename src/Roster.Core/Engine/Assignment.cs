namespace Roster.Core.Engine;

/// <summary>A person in a slot.</summary>
public sealed record Assignment(string SlotId, string PersonId);
