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
        var listed = configuration["Roster:TrustedProxies"] ?? "";
        var entries = listed.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
}
