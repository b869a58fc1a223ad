using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Roster.Api.Http;

/// <summary>
/// What every response gets: compression (Brotli or gzip as the client accepts), security headers, CORS when
/// <c>Roster:Http:CorsOrigins</c> names origins, and 415 for a body that is not the JSON an endpoint accepts.
/// </summary>
internal static class HttpHygiene
{
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddRosterHttp(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Roster:Http").Get<HttpOptions>() ?? new HttpOptions();
        services.AddResponseCompression(o =>
        {
            // No response reflects what a third party sent next to a secret, so compressing over TLS is safe here.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "text/calendar", "text/csv", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        if (options.CorsOrigins.Count > 0)
        {
            services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
                .WithOrigins([.. options.CorsOrigins])
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders(HeaderNames.ETag, HeaderNames.Location, HeaderNames.RetryAfter)));
        }

        return services;
    }

    /// <summary>Runs first, so that every answer (pages, documents, problems) is compressed and carries the headers.</summary>
    public static WebApplication UseRosterHttp(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseResponseCompression();
        var options = app.Configuration.GetSection("Roster:Http").Get<HttpOptions>() ?? new HttpOptions();
        if (options.CorsOrigins.Count > 0)
        {
            app.UseCors(CorsPolicy);
        }

        return app;
    }

    /// <summary>Before authentication: routing's stand-in for a wrong Content-Type is not anonymous.</summary>
    public static WebApplication UseJsonBodies(this WebApplication app)
    {
        app.UseMiddleware<JsonBodies>();
        return app;
    }
}
