namespace Roster.Core.Engine.Search;

/// <summary>People of one unit qualified for one role, whose loads the fairness rule equalises.</summary>
internal sealed record FairGroup(int Role, double Weight, int[] People);
