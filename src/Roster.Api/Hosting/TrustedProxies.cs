using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Roster.Api.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c> is believed only from the proxies listed in <c>Roster:TrustedProxies</c> (addresses or CIDR
/// blocks, comma-separated); from anyone else it is ignored, so a client cannot pick the address sign-in throttling counts.
/// </summary>
internal static class TrustedProxies
{
    public static void AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var entries = Entries(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // The defaults trust loopback; here nothing is trusted unless listed.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = 1;
            foreach (var entry in entries)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
    }

    /// <summary>
    /// Reads <c>X-Forwarded-For</c> only when proxies are listed: with empty lists the middleware would believe anyone.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (Entries(app.Configuration).Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static string[] Entries(IConfiguration configuration) =>
        (configuration["Roster:TrustedProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
