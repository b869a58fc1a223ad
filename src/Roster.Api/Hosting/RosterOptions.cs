namespace Roster.Api.Hosting;

/// <summary>Start-up behaviour, bound from the <c>Roster</c> section.</summary>
internal sealed class RosterOptions
{
    /// <summary>Create the application database when missing (needs ConnectionStrings:Admin).</summary>
    public bool CreateDatabase { get; set; }

    /// <summary>Apply migrations at start-up (under an advisory lock).</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>Load the demo bureau, schools, people and period if the database has no units yet.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Password of the demo accounts; when empty, a random one is chosen and printed when the demo is loaded.</summary>
    public string DemoPassword { get; set; } = "";

    /// <summary>Where the demo password is kept, named in the start-up message instead of the password once the demo exists.</summary>
    public string DemoPasswordFile { get; set; } = "";
}
