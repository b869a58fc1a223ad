using NodaTime;

namespace Roster.Scheduler.Hosting;

/// <summary>A node of the Quartz cluster and when it last said it was alive.</summary>
public sealed record QuartzNodeState(string Instance, Instant LastCheckin);
