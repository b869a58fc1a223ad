namespace Roster.Api.Rosters;

/// <summary>How endpoints of the roster group say what their scope needs.</summary>
internal static class RosterRoutes
{
    /// <summary>Only an administrator of the route's unit may call the endpoint (403 for readers).</summary>
    public static RouteHandlerBuilder Administered(this RouteHandlerBuilder builder) => builder.WithMetadata(RosterAdministration.Instance);
}
