using Roster.Scheduler.Hosting;

namespace Roster.Api.SchedulerAdmin;

/// <summary>The Quartz jobs with their next fire times, and the cluster's nodes.</summary>
public sealed record SchedulerStatusResponse(bool HostedHere, IReadOnlyList<QuartzJobState> Jobs, IReadOnlyList<QuartzNodeState> Nodes);
