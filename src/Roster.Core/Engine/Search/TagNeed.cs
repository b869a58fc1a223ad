namespace Roster.Core.Engine.Search;

/// <summary>Compiled tag requirement for one shift occurrence: at least MinCount tagged people over these cells.</summary>
internal sealed record TagNeed(int[] Cells, bool[] HasTag, int MinCount);
