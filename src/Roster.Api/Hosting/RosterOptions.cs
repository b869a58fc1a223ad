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

    /// <summary>Password of the demo accounts.</summary>
    public string DemoPassword { get; set; } = "roster-demo";
}
