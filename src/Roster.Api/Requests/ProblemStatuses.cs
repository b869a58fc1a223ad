namespace Roster.Api.Requests;

/// <summary>Endpoint metadata: client errors a group's filter answers before the handler runs, for the API document.</summary>
internal sealed record ProblemStatuses(params int[] Statuses);
