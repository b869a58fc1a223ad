namespace Roster.Core.Model;

/// <summary>
/// Where a roster version stands: a unit has at most one draft and one published version per period; publishing
/// supersedes the version published before.
/// </summary>
public sealed class RosterStatus : IState<RosterStatus>
{
    public static readonly RosterStatus Draft = new("draft");

    public static readonly RosterStatus Published = new("published");

    public static readonly RosterStatus Superseded = new("superseded");

    private RosterStatus(string code) => Code = code;

    public static IReadOnlyList<RosterStatus> All { get; } = [Draft, Published, Superseded];

    public string Code { get; }

    public override string ToString() => Code;
}
