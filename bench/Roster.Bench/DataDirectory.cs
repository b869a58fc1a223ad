namespace Roster.Bench;

/// <summary>Finds the repository root (the folder holding Roster.sln) from the working or the program folder.</summary>
internal static class DataDirectory
{
    public static string Curtois(string? given)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Roster.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "benchmarks", "curtois"));
                }
            }
        }
        throw new DirectoryNotFoundException("Roster.sln not found above the working folder; pass --data DIR");
    }
}
