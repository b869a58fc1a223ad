namespace Roster.Api.Notifications;

/// <summary>The channels a person wants their notifications on: inbox and/or email.</summary>
public sealed record PreferencesRequest(IReadOnlyList<string>? Channels);
