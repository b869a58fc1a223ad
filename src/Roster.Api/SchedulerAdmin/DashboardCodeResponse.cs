using NodaTime;

namespace Roster.Api.SchedulerAdmin;

/// <summary>Where to open the dashboard (once, before <see cref="ExpiresAt"/>).</summary>
public sealed record DashboardCodeResponse(string Url, Instant ExpiresAt);
