namespace Roster.Core.Engine.Search;

/// <summary>Greedy passes: build a first roster, and after the search fill every required place a person can still take
/// without breaking a hard rule.</summary>
internal static class Greedy
{
    private const int TriesPerPlace = 12;

    public static int[][] Construct(SolverModel model, int seed)
    {
        var state = new SearchState(model, model.Pinned);
        var random = new Random(seed);
        var move = new Move(state);
        for (var d = 0; d < model.Days; d++)
        {
            foreach (var c in model.CellsOfDay[d])
            {
                var people = model.EligiblePeople[c];
                for (var tries = 0; tries < TriesPerPlace && state.Count[c] < model.Cells[c].Required && people.Length > 0; tries++)
                {
                    TryPlace(model, state, move, people[random.Next(people.Length)], d, c);
                }
            }
        }
        return state.Rows;
    }

    /// <summary>Deterministic: cells in order, candidates in order; a placement is kept only if it adds no hard violation.</summary>
    public static int[][] Fill(SolverModel model, int[][] rows)
    {
        var state = new SearchState(model, rows);
        var move = new Move(state);
        foreach (var cell in model.Cells)
        {
            foreach (var p in model.EligiblePeople[cell.Index])
            {
                if (state.Count[cell.Index] >= cell.Required)
                {
                    break;
                }
                TryPlace(model, state, move, p, cell.Day, cell.Index);
            }
        }
        return state.Rows;
    }

    /// <summary>Keeps the placement only if it breaks nothing new: neither the total nor the maximum-type hard score rises
    /// (a placement that breaks a rest rule while easing a minimum is refused).</summary>
    private static void TryPlace(SolverModel model, SearchState state, Move move, int p, int d, int c)
    {
        if (state.Rows[p][d] >= 0 || model.Limits[p].Locked[d])
        {
            return;
        }
        var (hard, maxima) = (state.Hard, Maxima(model, state, p));
        move.Set(p, d, c);
        move.Score();
        if (state.Hard > hard + 1e-9 || Maxima(model, state, p) > maxima + 1e-9)
        {
            move.Undo();
        }
        else
        {
            move.Clear();
        }
    }

    private static double Maxima(SolverModel model, SearchState state, int p) =>
        RowEvaluator.Evaluate(model, p, state.Rows[p], stackalloc double[model.Roles], ignoreMinimums: true).Hard;
}
