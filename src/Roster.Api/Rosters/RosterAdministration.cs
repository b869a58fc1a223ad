namespace Roster.Api.Rosters;

/// <summary>Endpoint metadata: the roster group's scope filter requires the caller to administer the unit.</summary>
internal sealed class RosterAdministration
{
    public static readonly RosterAdministration Instance = new();

    private RosterAdministration()
    {
    }
}
