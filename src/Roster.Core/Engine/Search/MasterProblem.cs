using Google.OrTools.LinearSolver;

namespace Roster.Core.Engine.Search;

/// <summary>The linear relaxation of "one row per person": each person's rows sum to 1, each cell's coverage plus an
/// under slack minus an over slack meets its requirement, slacks priced at the cell's under and over weights.</summary>
internal sealed class MasterProblem : IDisposable
{
    private readonly Solver _lp;
    private readonly Objective _objective;
    private readonly Constraint[] _people;
    private readonly Constraint[] _cells;
    private readonly List<Variable>[] _columns;

    public MasterProblem(SolverModel model)
    {
        _lp = Solver.CreateSolver("GLOP");
        // Without presolve GLOP starts each re-solve from the last basis instead of a freshly presolved problem, which
        // makes rounds 20-40 % cheaper (docs/engine-experiments.md).
        if (!_lp.SetSolverSpecificParametersAsString("use_preprocessing:false"))
        {
            throw new InvalidOperationException("GLOP refused its parameters.");
        }
        _objective = _lp.Objective();
        _objective.SetMinimization();
        _people = Enumerable.Range(0, model.People).Select(_ => _lp.MakeConstraint(1, 1)).ToArray();
        _cells = model.Cells.Select(c => _lp.MakeConstraint(c.Required, c.Required)).ToArray();
        _columns = Enumerable.Range(0, model.People).Select(_ => new List<Variable>()).ToArray();
        foreach (var person in _people)
        {
            // "No row at all" at a price above any roster, so that fixing days during a dive never makes the relaxation infeasible.
            var none = _lp.MakeNumVar(0, 1, string.Empty);
            person.SetCoefficient(none, 1);
            _objective.SetCoefficient(none, model.HardWeight * (model.Days + 1) * 10);
        }
        foreach (var cell in model.Cells)
        {
            var under = _lp.MakeNumVar(0, double.PositiveInfinity, string.Empty);
            var over = _lp.MakeNumVar(0, Math.Max(0, cell.Capacity - cell.Required), string.Empty);
            // Beyond capacity at a hard rule's price, so that fixing rows during a dive never makes the relaxation infeasible.
            var beyond = _lp.MakeNumVar(0, double.PositiveInfinity, string.Empty);
            _cells[cell.Index].SetCoefficient(under, 1);
            _cells[cell.Index].SetCoefficient(over, -1);
            _cells[cell.Index].SetCoefficient(beyond, -1);
            _objective.SetCoefficient(under, cell.Under);
            _objective.SetCoefficient(over, cell.Over);
            _objective.SetCoefficient(beyond, cell.Over + model.HardWeight);
        }
    }

    public double Value => _objective.Value();

    public void AddColumn(int person, int[] row, double cost)
    {
        var x = _lp.MakeNumVar(0, double.PositiveInfinity, string.Empty);
        _people[person].SetCoefficient(x, 1);
        foreach (var c in row)
        {
            if (c >= 0)
            {
                _cells[c].SetCoefficient(x, 1);
            }
        }
        _objective.SetCoefficient(x, cost);
        _columns[person].Add(x);
    }

    /// <summary>Bounds to 0 every row of <paramref name="person"/> that <paramref name="keep"/> rejects.</summary>
    public void Forbid(int person, Func<int, bool> keep)
    {
        for (var j = 0; j < _columns[person].Count; j++)
        {
            if (!keep(j))
            {
                _columns[person][j].SetUb(0);
            }
        }
    }

    /// <summary>Lifts every bound set by <see cref="Forbid"/>.</summary>
    public void Release()
    {
        for (var p = 0; p < _columns.Length; p++)
        {
            Release(p);
        }
    }

    /// <summary>Lifts the bounds <see cref="Forbid"/> set on <paramref name="person"/>'s rows.</summary>
    public void Release(int person)
    {
        foreach (var x in _columns[person])
        {
            x.SetUb(double.PositiveInfinity);
        }
    }

    public bool Solve() => _lp.Solve() == Solver.ResultStatus.OPTIMAL;

    /// <summary>Cell duals and convexity duals of the last solve; read them before adding columns (the solver forgets
    /// its solution once the model changes).</summary>
    public (double[] Cells, double[] People) Duals() =>
        (_cells.Select(c => c.DualValue()).ToArray(), _people.Select(c => c.DualValue()).ToArray());

    public double[][] Values() => _columns.Select(cs => cs.Select(x => x.SolutionValue()).ToArray()).ToArray();

    public void Dispose() => _lp.Dispose();
}
