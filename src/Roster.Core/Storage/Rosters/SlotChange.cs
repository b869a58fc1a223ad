namespace Roster.Core.Storage.Rosters;

/// <summary>A slot whose person changed; null where the slot was empty.</summary>
public sealed record SlotChange(string SlotKey, Guid? FromPersonId, Guid? ToPersonId);
