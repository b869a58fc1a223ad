namespace Roster.Core.Engine.Search;

/// <summary>Applies and undoes the changes of one move: (person, day, previous cell) triples, with each touched person's
/// score saved before rescoring so an undo needs no re-evaluation.</summary>
internal sealed class Move(SearchState state)
{
    private readonly List<(int Person, int Day, int Old)> _changes = [];
    private readonly List<int> _people = [];
    private readonly List<double[]> _saved = [];
    private bool _scored;

    public void Set(int p, int d, int c)
    {
        _changes.Add((p, d, state.Rows[p][d]));
        state.SetCell(p, d, c);
        if (!_people.Contains(p))
        {
            _people.Add(p);
        }
    }

    public void Score()
    {
        for (var i = 0; i < _people.Count; i++)
        {
            if (_saved.Count <= i)
            {
                _saved.Add(new double[SearchState.SavedLength]);
            }
            state.Save(_people[i], _saved[i]);
            state.Rescore(_people[i]);
        }
        _scored = true;
    }

    /// <summary>Scores the move and keeps it unless the state's cost rose above <paramref name="before"/>; the cost saved
    /// (0 when undone).</summary>
    public double KeepUnlessWorse(double before)
    {
        Score();
        var saved = before - state.Cost;
        if (saved < -1e-6)
        {
            Undo();
            return 0;
        }
        Clear();
        return saved;
    }

    public void Undo()
    {
        for (var i = _changes.Count - 1; i >= 0; i--)
        {
            state.SetCell(_changes[i].Person, _changes[i].Day, _changes[i].Old);
        }
        if (_scored)
        {
            for (var i = 0; i < _people.Count; i++)
            {
                state.Restore(_people[i], _saved[i]);
            }
        }
        Clear();
    }

    public void Clear()
    {
        _changes.Clear();
        _people.Clear();
        _scored = false;
    }
}
