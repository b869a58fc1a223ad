using System.Net.Http.Headers;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>Signs every request with a token minted just then, valid at the fake clock's current time.</summary>
public sealed class FreshTokenHandler(Func<string> mint) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mint());
        return base.SendAsync(request, cancellationToken);
    }
}
