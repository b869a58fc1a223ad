using Roster.Core.Engine;
using Roster.Core.Engine.Search;

namespace Roster.Bench.Curtois;

/// <summary>What each person's best row for their own requests alone leaves unmet, coverage ignored, summed over people
/// (the engine's request-led start). Where the row program is exact for everyone this is a lower bound on the requests
/// any legal roster leaves unmet; printed with <c>--verbose 2</c> beside the coverage bound.</summary>
internal static class OwnRequests
{
    public static (double Unmet, int Exact, int People) Of(RosterProblem problem)
    {
        var model = ModelBuilder.Build(problem).Model;
        var optimizer = new RowOptimizer(model, exact: true);
        double unmet = 0;
        var exact = 0;
        for (var p = 0; p < model.People; p++)
        {
            exact += optimizer.Plan(p).Exact ? 1 : 0;
            unmet += optimizer.OwnBest(p) ? RowEvaluator.Evaluate(model, p, optimizer.Best, new double[model.Roles]).Soft : double.NaN;
        }
        return (unmet, exact, model.People);
    }
}
