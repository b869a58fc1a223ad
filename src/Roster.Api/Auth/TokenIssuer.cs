using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace Roster.Api.Auth;

/// <summary>Issues signed access tokens (JWT, HS256) naming the account in <c>sub</c>.</summary>
internal sealed class TokenIssuer(IOptions<AuthOptions> options, IClock clock)
{
    public static SymmetricSecurityKey KeyFrom(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public (string Token, Instant ExpiresAt) Issue(Guid accountId, string username)
    {
        var now = clock.GetCurrentInstant();
        var expires = now + Duration.FromTimeSpan(options.Value.TokenLifetime);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", accountId.ToString()), new Claim("name", username)]),
            IssuedAt = now.ToDateTimeUtc(),
            NotBefore = now.ToDateTimeUtc(),
            Expires = expires.ToDateTimeUtc(),
            SigningCredentials = new SigningCredentials(KeyFrom(options.Value.SigningKey), SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}
