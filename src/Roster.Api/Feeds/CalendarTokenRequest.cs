namespace Roster.Api.Feeds;

/// <summary>Optional body of a new calendar token: a label to tell one subscription from another (e.g. "手机 phone").</summary>
public sealed record CalendarTokenRequest(string? Label);
