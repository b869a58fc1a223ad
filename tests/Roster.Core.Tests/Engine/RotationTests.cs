using Roster.Core.Engine.Search;

namespace Roster.Core.Tests.Engine;

/// <summary>How moves look for someone: <see cref="Rotation"/>.</summary>
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
}
