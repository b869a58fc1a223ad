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
        return Path.GetFullPath(Path.Combine(Repository(), "..", "shared", "benchmarks", "curtois"));
    }

    /// <summary>The folder holding Roster.sln, above the working folder or the program's.</summary>
    public static string Repository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Roster.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("Roster.sln not found above the working folder; pass --data DIR");
    }
}
