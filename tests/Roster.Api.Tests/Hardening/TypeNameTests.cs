using System.Reflection;
using System.Runtime.CompilerServices;
using Roster.Core.Model;
using Roster.Scheduler.Hosting;

namespace Roster.Api.Tests.Hardening;

/// <summary>One name per concept: two types of the service never share a name, whatever their namespaces.</summary>
public sealed class TypeNameTests
{
    [Fact]
    public void TopLevelTypes_OfCoreSchedulerAndApi_AllHaveDistinctNames()
    {
        Assembly[] assemblies = [typeof(DayType).Assembly, typeof(SchedulerOptions).Assembly, typeof(Program).Assembly];
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsNested && t.Namespace?.StartsWith("Roster.", StringComparison.Ordinal) == true
                && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .ToList();
        Assert.Contains(types, t => t == typeof(RosterStatus));

        var shared = types.GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(t => t.FullName)))
            .ToList();
        Assert.Empty(shared);
    }
}
