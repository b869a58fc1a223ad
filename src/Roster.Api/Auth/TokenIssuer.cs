using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Auth;

/// <summary>
/// Issues signed access tokens (JWT, HS256) naming the account in <c>sub</c>, the account's session version in
/// <c>sv</c> (a token of an older session is refused) and, for a one-time password, <c>pcr</c>.
/// </summary>
internal sealed class TokenIssuer(IOptions<AuthOptions> options, IClock clock)
{
    public static SymmetricSecurityKey KeyFrom(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public (string Token, Instant ExpiresAt) Issue(AccountRow account)
    {
        var now = clock.GetCurrentInstant();
        var expires = now + Duration.FromTimeSpan(options.Value.TokenLifetime);
        var claims = new List<Claim>
        {
            new(TokenClaims.Subject, account.Id.ToString()),
            new(TokenClaims.Name, account.Username),
            new(TokenClaims.SessionVersion, account.SessionVersion.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
        };
        if (account.PasswordChangeRequired)
        {
            claims.Add(new Claim(TokenClaims.PasswordChangeRequired, "true", ClaimValueTypes.Boolean));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.ToDateTimeUtc(),
            NotBefore = now.ToDateTimeUtc(),
            Expires = expires.ToDateTimeUtc(),
            SigningCredentials = new SigningCredentials(KeyFrom(options.Value.SigningKey), SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }

    public TokenResponse Response(AccountRow account)
    {
        var (token, expires) = Issue(account);
        return new TokenResponse(token, expires, account.PasswordChangeRequired);
    }
}
