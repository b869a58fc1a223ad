namespace Roster.Api.Notifications;

/// <summary>The channels a person's notifications go to.</summary>
public sealed record PreferencesResponse(Guid PersonId, IReadOnlyList<string> Channels);
