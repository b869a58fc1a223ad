namespace Roster.Core.Engine.Search;

/// <summary>Interchangeable slots: same unit, role, shift, date and interval. The search counts people per cell, not per slot.</summary>
internal sealed class Cell
{
    public int Index;
    public int Day;
    public int Shift;
    public int Role;

    /// <summary>Start and end in minutes since the Unix epoch; the end is exclusive.</summary>
    public long Start;
    public long End;
    public int Minutes;
    public int Required;
    public int Capacity;
    public double Under;
    public double Over;
    public bool CoverageSet;

    /// <summary>Fairness weight of one person on this cell (0 when no fairness rule covers its role).</summary>
    public double Load;

    /// <summary>Problem slot indexes, required slots first.</summary>
    public int[] Slots = [];

    /// <summary>This cell as cell <paramref name="index"/> of a horizon that begins <paramref name="from"/> days later.</summary>
    public Cell Shifted(int index, int from)
    {
        var copy = (Cell)MemberwiseClone();
        (copy.Index, copy.Day) = (index, Day - from);
        return copy;
    }
}
