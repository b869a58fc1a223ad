namespace Roster.Api.ApiDocs;

/// <summary>What <see cref="HandlerScan"/> found in a handler.</summary>
internal sealed class HandlerFacts
{
    /// <summary>The 4xx statuses the handler can answer with a problem.</summary>
    public SortedSet<int> Problems { get; } = [];

    /// <summary>Query value name → OpenAPI string format (date, date-time) the handler parses it as.</summary>
    public Dictionary<string, string> QueryFormats { get; } = new(StringComparer.Ordinal);
}
