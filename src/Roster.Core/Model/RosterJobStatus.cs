namespace Roster.Core.Model;

/// <summary>Where a background roster generation stands: queued, running, then succeeded, failed or cancelled.</summary>
public sealed class RosterJobStatus : IState<RosterJobStatus>
{
    public static readonly RosterJobStatus Queued = new("queued");

    public static readonly RosterJobStatus Running = new("running");

    public static readonly RosterJobStatus Succeeded = new("succeeded");

    public static readonly RosterJobStatus Failed = new("failed");

    public static readonly RosterJobStatus Cancelled = new("cancelled");

    private RosterJobStatus(string code) => Code = code;

    public static IReadOnlyList<RosterJobStatus> All { get; } = [Queued, Running, Succeeded, Failed, Cancelled];

    public string Code { get; }

    public override string ToString() => Code;
}
