using System.Globalization;
using Roster.Api.Access;
using Roster.Api.Requests;

namespace Roster.Api.Rosters;

/// <summary>
/// The roster group's scope check, before the handler: the unit and period of the route exist and the caller may see them
/// (404 otherwise), and administers the unit where the endpoint says <see cref="RosterRoutes.Administered"/> (403). The
/// handler's <see cref="RosterCall"/> receives them.
/// </summary>
internal sealed class RosterScopeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var found = await RosterScope.FindAsync(services.GetRequiredService<RequestWork>().Work, RouteId(http, "periodId"),
            RouteId(http, "unitId"), services.GetRequiredService<AccessScope>(),
            http.GetEndpoint()?.Metadata.GetMetadata<RosterAdministration>() is not null, http.RequestAborted);
        if (found.Failed(out var problem, out var place))
        {
            return problem;
        }

        foreach (var call in context.Arguments.OfType<RosterCall>())
        {
            call.Resolve(place);
        }

        return await next(context);
    }

    private static Guid RouteId(HttpContext http, string name) =>
        Guid.Parse(Convert.ToString(http.GetRouteValue(name), CultureInfo.InvariantCulture) ?? "", CultureInfo.InvariantCulture);
}
