namespace Roster.Core.Engine.Search;

/// <summary>Applies and undoes the changes of one move: (person, day, previous cell) triples.</summary>
internal sealed class Move(SearchState state)
{
    private readonly List<(int Person, int Day, int Old)> _changes = [];
    private readonly List<int> _people = [];

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
        foreach (var p in _people)
        {
            state.Rescore(p);
        }
    }

    public void Undo()
    {
        for (var i = _changes.Count - 1; i >= 0; i--)
        {
            state.SetCell(_changes[i].Person, _changes[i].Day, _changes[i].Old);
        }
        Score();
        Clear();
    }

    public void Clear()
    {
        _changes.Clear();
        _people.Clear();
    }
}
