using Roster.Api.Rosters;

namespace Roster.Api.Requests;

/// <summary>
/// The route groups handlers map into, made once by the pipeline: <see cref="Work"/> gives each request one transaction
/// (<see cref="UnitOfWorkFilter"/>); <see cref="Roster"/>, inside it, is everything under a period's unit
/// (<see cref="RosterScope.Route"/>) with the caller's scope resolved first (<see cref="RosterScopeFilter"/>).
/// </summary>
internal sealed record ApiGroups(RouteGroupBuilder Work, RouteGroupBuilder Roster)
{
    public static ApiGroups Map(IEndpointRouteBuilder api)
    {
        var work = api.MapGroup("");
        work.AddEndpointFilter<UnitOfWorkFilter>();
        var roster = work.MapGroup(RosterScope.Route);
        // The scope check answers 404 and 403 for every endpoint of the group, whatever the handler adds.
        roster.AddEndpointFilter<RosterScopeFilter>().WithMetadata(new ProblemStatuses(StatusCodes.Status404NotFound, StatusCodes.Status403Forbidden));
        return new ApiGroups(work, roster);
    }
}
