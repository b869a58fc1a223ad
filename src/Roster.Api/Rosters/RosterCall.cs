using Roster.Api.Access;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>
/// What a handler of the roster group takes (<c>[AsParameters]</c>): the route's ids, the caller, the request's
/// transaction and the period and unit <see cref="RosterScopeFilter"/> resolved before the handler runs.
/// </summary>
internal sealed record RosterCall(Guid PeriodId, Guid UnitId, AccessScope Access, RequestWork Request)
{
    private RosterPlace? _place;

    public DbWork Work => Request.Work;

    public PeriodRow Period => Place.Period;

    public UnitRow Unit => Place.Unit;

    private RosterPlace Place => _place ?? throw new InvalidOperationException("The roster scope filter has not run.");

    internal void Resolve(RosterPlace place) => _place = place;
}
