using NodaTime;

namespace Roster.Scheduler.Hosting;

/// <summary>A Quartz trigger as the cluster's tables record it.</summary>
public sealed record QuartzJobState(string Name, string State, Instant? NextFireAt, Instant? PreviousFireAt);
