using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Roster.KiotaScenario;

/// <summary>Sends the token from sign-in as a bearer (Kiota's own providers refuse plain http, which the test server speaks).</summary>
internal sealed class BearerToken(string token) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("Authorization", $"Bearer {token}");
        return Task.CompletedTask;
    }
}
