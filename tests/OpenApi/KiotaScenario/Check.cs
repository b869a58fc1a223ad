namespace Roster.KiotaScenario;

/// <summary>Assertions that end the scenario with a message naming what differed.</summary>
internal static class Check
{
    public static T NotNull<T>(T? value, string what)
        where T : class => value ?? throw new InvalidOperationException($"{what} is missing");

    public static T NotNull<T>(T? value, string what)
        where T : struct => value ?? throw new InvalidOperationException($"{what} is missing");

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException($"{what}: expected {expected}, got {actual}");
        }
    }

    public static void True(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }
}
