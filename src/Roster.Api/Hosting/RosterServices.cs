using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using NodaTime.Serialization.SystemTextJson;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.ApiDocs;
using Roster.Api.Auditing;
using Roster.Api.Auth;
using Roster.Api.Events;
using Roster.Api.Http;
using Roster.Api.Health;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Api.SchedulerAdmin;
using Roster.Scheduler.Generation;
using Roster.Scheduler.Hosting;
using Roster.Core.Model;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage;
using Roster.Scheduler.Observability;
using System.Text.Json.Serialization;

namespace Roster.Api.Hosting;

/// <summary>Everything the API registers, in one place.</summary>
internal static class RosterServices
{
    public static WebApplicationBuilder AddRoster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        configuration.AddRosterSecretFiles();
        services.Configure<RosterOptions>(configuration.GetSection("Roster"));
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock, TimeProviderClock>();
        services.AddSingleton(_ => RosterDataSource.Create(
            configuration.GetConnectionString("Roster")
            ?? throw new InvalidOperationException("ConnectionStrings:Roster is not set.")));

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            o.SerializerOptions.Converters.Insert(0, new IsoDurationJsonConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        // Dates and instants in bodies within ten years of now (first in the list: they win over NodaTime's own converters).
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IClock>((o, clock) =>
        {
            o.SerializerOptions.Converters.Insert(0, new SaneLocalDateJsonConverter(clock));
            o.SerializerOptions.Converters.Insert(0, new SaneInstantJsonConverter(clock));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddRosterOpenApi();
        services.AddRosterHttp(configuration);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 4 * 1024 * 1024);

        AddAuth(builder);
        services.AddHttpContextAccessor();
        services.AddScoped<AccessScope>();
        services.AddScoped<RequestWork>();
        services.AddSingleton<AccessSnapshots>();
        services.AddSingleton<ReadGeneration>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<OnDuty.OnDutyBoardCache>();
        services.AddSingleton<ReadAnswers>();
        services.AddSingleton<Roster.Core.Storage.Coverage.CoverageCells>();
        services.AddScoped<Auditor>();
        services.AddScoped<Imports.PeopleImportAccounts>();
        services.AddRosterGeneration(configuration);
        services.AddSingleton<ChangeFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeed>());
        builder.AddRosterScheduling();
        builder.Logging.AddRosterConsole(configuration);
        services.AddRosterTelemetry(configuration, "roster-api", m => m.AddScrapeExporter());
        services.AddRosterHealthChecks(configuration);
        return builder;
    }

    private static void AddAuth(WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        if (auth.SigningKey.Length < 32)
        {
            throw new InvalidOperationException(
                "Auth:SigningKey must be set to at least 32 characters (./roster up generates one in .roster/).");
        }

        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<DecoyHash>();
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddSingleton<IPasswordHasher<AccountRow>, PasswordHasher<AccountRow>>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Issuer,
                IssuerSigningKey = TokenIssuer.KeyFrom(auth.SigningKey),
                ClockSkew = TimeSpan.Zero,
            };
            o.Events = new JwtBearerEvents { OnTokenValidated = SessionCheck.ValidateAsync };
        });
        // Token lifetimes are judged by the injected clock, like everything else (tests move time with a FakeClock).
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IClock>((o, clock) =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetCurrentInstant().ToDateTimeUtc();
                return (notBefore is null || notBefore <= now) && expires is { } end && now < end;
            });
        // Every endpoint needs a signed-in account unless it says AllowAnonymous (health, docs, sign-in).
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(
            new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
