namespace Roster.Core.Engine.Search;

/// <summary>The problem compiled to arrays: people × days, each day holding at most one cell per person.</summary>
internal sealed class SolverModel
{
    public int People;
    public int Days;
    public int Shifts;
    public int Roles;
    public Cell[] Cells = [];
    public int[][] CellsOfDay = [];
    public bool[][] Eligible = [];

    /// <summary>[person][day]: the cells the person may take that day.</summary>
    public int[][][] EligibleOnDay = [];

    /// <summary>[cell]: the people who may take it.</summary>
    public int[][] EligiblePeople = [];
    public PersonLimits[] Limits = [];

    /// <summary>Each day's weekend, as its Saturday's day index + 7 (a Sunday on day 0 has one too; Saturday and Sunday
    /// share it), −1 on weekdays. A key, not a count: <see cref="Neighbourhood.WeekendsIn"/> counts them.</summary>
    public int[] WeekendOfDay = [];

    /// <summary>The other day of <paramref name="d"/>'s weekend, or −1 when <paramref name="d"/> is not a weekend day or
    /// its weekend's other day lies outside the horizon.</summary>
    public int WeekendPartner(int d)
    {
        var weekend = WeekendOfDay[d];
        return weekend < 0 ? -1
            : d > 0 && WeekendOfDay[d - 1] == weekend ? d - 1
            : d + 1 < Days && WeekendOfDay[d + 1] == weekend ? d + 1
            : -1;
    }

    /// <summary>Per day, how many times the usual half-weekend charge a weekend worked on that day alone is charged
    /// (empty: once everywhere); see <see cref="WeekendPairs"/>.</summary>
    public double[] SingleDayFactor = [];
    public bool CheckOverlap;
    public readonly List<FairGroup> FairGroups = [];
    public readonly List<TagNeed> TagNeeds = [];
    public int[][] TagNeedsOfCell = [];

    /// <summary>[person][day]: pinned cell or −1.</summary>
    public int[][] Pinned = [];

    /// <summary>Price of one unit of hard violation, far above any single soft charge.</summary>
    public double HardWeight = 1000;

    /// <summary>Minutes counted as one unit of a workload-minutes violation: the mean cell length.</summary>
    public int MinutesPerUnit = 60;

    /// <summary>Per person, the size of their row program (set once by <see cref="RowOptimizer.RowWork"/>; read by every
    /// worker's neighbourhood and by the column phase's cost check).</summary>
    public long[]? RowWork;

    /// <summary>Every row program of this model tracks all it can within the larger exact budget (see
    /// <see cref="RowOptimizer"/>'s exact mode); set once, before <see cref="RowWork"/> is measured.</summary>
    public bool ExactRows;

    /// <summary>Empties, in person order, each day on which a row takes a cell that earlier rows already fill; the people
    /// whose rows lost a day.</summary>
    public List<int> TrimToCapacity(int[][] rows)
    {
        var count = new int[Cells.Length];
        var crowded = new List<int>();
        for (var p = 0; p < rows.Length; p++)
        {
            var lost = false;
            for (var d = 0; d < rows[p].Length; d++)
            {
                if (rows[p][d] >= 0 && ++count[rows[p][d]] > Cells[rows[p][d]].Capacity)
                {
                    (rows[p][d], lost) = (-1, true);
                }
            }
            if (lost)
            {
                crowded.Add(p);
            }
        }
        return crowded;
    }

    /// <summary>Derives <see cref="EligibleOnDay"/> and <see cref="EligiblePeople"/> from <see cref="Eligible"/>.</summary>
    public void IndexEligibility()
    {
        EligibleOnDay = Enumerable.Range(0, People)
            .Select(p => CellsOfDay.Select(day => day.Where(c => Eligible[p][c]).ToArray()).ToArray()).ToArray();
        EligiblePeople = Cells.Select(c => Enumerable.Range(0, People).Where(p => Eligible[p][c.Index]).ToArray()).ToArray();
    }

    /// <summary>May <paramref name="cell"/> follow <paramref name="prev"/> on the next day for a person with these limits
    /// (succession, overlap, rest)?</summary>
    public bool Follows(PersonLimits limits, int prev, int cell)
    {
        var (a, b) = (Cells[prev], Cells[cell]);
        if (limits.ForbiddenNext is { } forbidden && forbidden[(a.Shift * Shifts) + b.Shift])
        {
            return false;
        }
        var gap = b.Start - a.End;
        return !((gap < 0 && CheckOverlap) || gap < limits.RestAfter[a.Shift]);
    }
}
