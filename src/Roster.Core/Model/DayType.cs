namespace Roster.Core.Model;

/// <summary>The kind of day a shift pattern applies to, as decided by a holiday calendar.</summary>
/// <remarks>A make-up workday (调休上班日) is a weekend date worked as a workday; it uses the workday pattern.</remarks>
public enum DayType
{
    Workday,
    Weekend,
    Holiday,
    MakeUpWorkday,
}
