using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Core.Tests.Engine;

/// <summary>How moves look for someone (<see cref="Rotation"/>) and how much of the limit the search gets.</summary>
public sealed class RotationTests
{
    [Fact]
    public void Everyone_VisitsEachPersonOnceFromTheStart_WrappingRound()
    {
        var visited = new List<int>();
        foreach (var p in new Rotation(null, 3, 5))
        {
            visited.Add(p);
        }

        Assert.Equal([3, 4, 0, 1, 2], visited);
    }

    [Fact]
    public void AList_IsVisitedFromTheStartIndex_AndAnEmptyListNotAtAll()
    {
        var visited = new List<int>();
        foreach (var p in new Rotation([7, 2, 9], 2, 3))
        {
            visited.Add(p);
        }
        var none = 0;
        foreach (var _ in new Rotation([], 0, 0))
        {
            none++;
        }

        Assert.Equal([9, 7, 2], visited);
        Assert.Equal(0, none);
    }

    [Fact]
    public void Reserve_IsAtMostEightPercentOfTheLimit_AndSmallerForSmallProblems()
    {
        // A month of a hundred people: a second or so whatever the limit.
        Assert.InRange(RosterSolver.ReserveSeconds(60, 100, 28), 1, 1.2);
        Assert.InRange(RosterSolver.ReserveSeconds(600, 100, 28), 1, 1.2);
        // A year of 150 people needs more; a short limit keeps its 8 %.
        Assert.True(RosterSolver.ReserveSeconds(120, 150, 364) > RosterSolver.ReserveSeconds(120, 100, 28));
        Assert.Equal(0.08 * 5, RosterSolver.ReserveSeconds(5, 150, 364), 6);
        Assert.True(RosterSolver.ReserveSeconds(120, 150, 364) <= 0.08 * 120);
    }
}
