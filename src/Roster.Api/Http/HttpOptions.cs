namespace Roster.Api.Http;

/// <summary>Settings under <c>Roster:Http</c>.</summary>
public sealed class HttpOptions
{
    /// <summary>
    /// Origins allowed to call the API from a browser (CORS), e.g. <c>https://duty.example.edu.cn</c>. Empty (the default):
    /// CORS is off and only the API's own pages call it.
    /// </summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];
}
