namespace Roster.Core.Engine.Search;

// The move table: each draw picks an entry with probability weight / total weight. Rebuilding whole rows is drawn apart
// from the table (one move in _rebuildOdds) because its cost grows with the row program's size.
internal sealed partial class Neighbourhood
{
    private readonly record struct WeightedMove(int Weight, Func<Neighbourhood, Move, bool> Apply);

    private sealed class MoveTable(WeightedMove[] entries)
    {
        public WeightedMove[] Entries { get; } = entries;
        public int TotalWeight { get; } = entries.Sum(m => m.Weight);
    }

    private static readonly WeightedMove[] BaseMoves =
    [
        new(2, static (n, m) => n.Reassign(m)),
        new(1, static (n, m) => n.Fill(m)),
        new(1, static (n, m) => n.Transfer(m)),
        new(1, static (n, m) => n.Block(m)),
        new(2, static (n, m) => n.Shift(m)),
        new(2, static (n, m) => n.SwapDays(m)),
        new(3, static (n, m) => n.Swap(m)),
    ];

    // Only where requests are dense: where they are sparse the draws are better spent on fairness.
    private static readonly WeightedMove RequestMove = new(3, static (n, m) => n.Request(m));

    // Only where someone's weekends worked are limited and the horizon has weekends.
    private static readonly WeightedMove WeekendMove = new(2, static (n, m) => n.Weekend(m));

    // Only on long horizons with weekends limited: weekends traded across the horizon, and duties moved between run ends.
    private static readonly WeightedMove[] LongHorizonMoves =
    [
        new(1, static (n, m) => n.WeekendTrade(m)),
        new(1, static (n, m) => n.RunTransfer(m)),
        new(1, static (n, m) => n.Retime(m)),
    ];

    /// <summary>Weekends in the horizon from which the long-horizon moves enter the table (half a year): measured on
    /// Curtois 20–24 (26 and 52 weekends), where a start spends weekend allowances far from where they are needed.</summary>
    internal const int LongHorizonWeekends = 26;

    private static WeightedMove[] MovesFor(SolverModel model)
    {
        var moves = new List<WeightedMove>(BaseMoves);
        if (RequestsDense(model))
        {
            moves.Add(RequestMove);
        }
        if (model.Limits.Any(l => l.MaxWeekends < int.MaxValue) && model.WeekendOfDay.Any(w => w >= 0))
        {
            moves.Add(WeekendMove);
            if (WeekendsIn(model) >= LongHorizonWeekends)
            {
                moves.AddRange(LongHorizonMoves);
            }
        }
        return [.. moves];
    }

    /// <summary>How many weekends the horizon holds (in whole or in part).</summary>
    public static int WeekendsIn(SolverModel model) => model.WeekendOfDay.Where(w => w >= 0).Distinct().Count();

    /// <summary>At least one request per ten person-days.</summary>
    public static bool RequestsDense(SolverModel model) => model.Limits.Sum(l => l.Requests.Sum(r => r?.Length ?? 0)) * 10 >= model.People * model.Days;

    private bool DrawFromTable(Move move)
    {
        var draw = random.Next(_moves.TotalWeight);
        foreach (var entry in _moves.Entries)
        {
            if (draw < entry.Weight)
            {
                return entry.Apply(this, move);
            }
            draw -= entry.Weight;
        }
        throw new InvalidOperationException("The move table's weights do not add up.");
    }
}
