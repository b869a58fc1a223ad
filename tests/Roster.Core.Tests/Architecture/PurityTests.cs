using System.Reflection;
using Roster.Core.Model;

namespace Roster.Core.Tests.Architecture;

/// <summary>Only Roster.Core's Storage folder may talk to PostgreSQL; the domain stays pure.</summary>
public sealed class PurityTests
{
    private static readonly string[] ForbiddenNamespaces = ["Npgsql", "Dapper", "DbUp", "Microsoft.AspNetCore", "System.Net.Http"];

    [Fact]
    public void CoreTypes_OutsideStorage_ReferenceNoDatabaseOrHttpTypes()
    {
        var offenders = typeof(DayType).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("Roster.Core", StringComparison.Ordinal) && !ns.StartsWith("Roster.Core.Storage", StringComparison.Ordinal))
            .SelectMany(t => ReferencedTypes(t).Select(r => (Type: t, Referenced: r)))
            .Where(p => p.Referenced.Namespace is { } ns && ForbiddenNamespaces.Any(f => ns.StartsWith(f, StringComparison.Ordinal)))
            .Select(p => $"{p.Type.FullName} → {p.Referenced.FullName}")
            .Distinct()
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Check_CanSeeAStorageType_SoTheScanIsNotVacuous()
    {
        var storage = typeof(DayType).Assembly.GetTypes().Where(t => t.Namespace == "Roster.Core.Storage").ToList();
        Assert.Contains(storage, t => ReferencedTypes(t).Any(r => r.Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true));
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var f in type.GetFields(All))
        {
            yield return f.FieldType;
        }

        foreach (var p in type.GetProperties(All))
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi)
            {
                yield return mi.ReturnType;
            }

            foreach (var parameter in m.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }

        if (type.BaseType is { } b)
        {
            yield return b;
        }
    }
}
