namespace Roster.Core.Storage.Notifications;

/// <summary>A person or an account to tell, with the channels they chose and the email address to use.</summary>
public sealed record Recipient(Guid? PersonId, Guid? AccountId, string? Email, IReadOnlyList<string> Channels);
