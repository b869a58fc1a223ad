using NodaTime;
using Roster.Core.Rules;

namespace Roster.Core.Engine.Search;

/// <summary>Compiles a problem into a <see cref="SolverModel"/>; each rule adds its own part via <see cref="Rule"/>.Compile.</summary>
internal sealed class ModelBuilder
{
    private readonly Dictionary<string, int> _person = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _shift = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _role = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _cellOfSlot = new(StringComparer.Ordinal);
    private readonly List<Slot> _cellSlot = [];

    private ModelBuilder(RosterProblem problem)
    {
        Problem = problem;
        People = problem.People;
        for (var p = 0; p < People.Count; p++)
        {
            _person[People[p].Id] = p;
        }
        var dates = problem.Slots.Select(s => s.Date).ToList();
        var start = Min(problem.Horizon?.Start, dates.Count == 0 ? null : dates.Min());
        var end = Max(problem.Horizon?.End, dates.Count == 0 ? null : dates.Max());
        Horizon = new DateInterval(start, end);
        foreach (var slot in problem.Slots)
        {
            _shift.TryAdd(slot.ShiftCode, _shift.Count);
            _role.TryAdd(slot.Role, _role.Count);
        }
        Model = new SolverModel { People = People.Count, Days = Horizon.Length, Shifts = Math.Max(1, _shift.Count), Roles = Math.Max(1, _role.Count) };
    }

    public RosterProblem Problem { get; }

    public IReadOnlyList<Person> People { get; }

    public DateInterval Horizon { get; }

    public SolverModel Model { get; }

    public IReadOnlyDictionary<string, int> CellOfSlot => _cellOfSlot;

    public static ModelBuilder Build(RosterProblem problem)
    {
        var builder = new ModelBuilder(problem);
        builder.BuildCells();
        foreach (var rule in RuleSet.Effective(problem))
        {
            rule.Compile(builder);
        }
        builder.Finish();
        return builder;
    }

    public Slot SlotOf(int cell) => _cellSlot[cell];

    public int PersonIndex(string id) => _person.TryGetValue(id, out var p) ? p : -1;

    public int ShiftIndex(string code) => _shift.TryGetValue(code, out var s) ? s : -1;

    public int RoleIndex(string role) => _role.TryGetValue(role, out var r) ? r : -1;

    public int DayIndex(LocalDate date) => Period.DaysBetween(Horizon.Start, date);

    public IEnumerable<int> Persons(IReadOnlyList<string>? ids) =>
        ids is null ? Enumerable.Range(0, Model.People) : ids.Select(PersonIndex).Where(p => p >= 0);

    private void BuildCells()
    {
        var cells = new List<Cell>();
        var byKey = new Dictionary<(string, string, string, LocalDate, Interval), (Cell Cell, List<int> Required, List<int> Optional)>();
        for (var i = 0; i < Problem.Slots.Count; i++)
        {
            var slot = Problem.Slots[i];
            var key = (slot.UnitId, slot.Role, slot.ShiftCode, slot.Date, slot.Interval);
            if (!byKey.TryGetValue(key, out var entry))
            {
                var cell = new Cell
                {
                    Index = cells.Count, Day = DayIndex(slot.Date), Shift = ShiftIndex(slot.ShiftCode), Role = RoleIndex(slot.Role),
                    Start = slot.Interval.Start.ToUnixTimeTicks() / NodaConstants.TicksPerMinute,
                    End = slot.Interval.End.ToUnixTimeTicks() / NodaConstants.TicksPerMinute,
                    Minutes = (int)slot.Minutes,
                };
                entry = (cell, [], []);
                byKey[key] = entry;
                cells.Add(cell);
                _cellSlot.Add(slot);
            }
            (slot.Optional ? entry.Optional : entry.Required).Add(i);
            _cellOfSlot[slot.Id] = entry.Cell.Index;
        }
        foreach (var (cell, required, optional) in byKey.Values)
        {
            cell.Slots = [.. required, .. optional];
            (cell.Required, cell.Capacity) = (required.Count, required.Count + optional.Count);
        }
        var model = Model;
        model.Cells = [.. cells];
        model.Eligible = Enumerable.Range(0, model.People).Select(_ => Enumerable.Repeat(true, cells.Count).ToArray()).ToArray();
        model.Limits = Enumerable.Range(0, model.People).Select(_ => new PersonLimits(model.Days, model.Shifts)).ToArray();
    }

    private void Finish()
    {
        var model = Model;
        model.CellsOfDay = Enumerable.Range(0, model.Days).Select(d => model.Cells.Where(c => c.Day == d).Select(c => c.Index).ToArray()).ToArray();
        model.WeekendOfDay = Enumerable.Range(0, model.Days).Select(d => MaxWeekendsRule.WeekendOf(Horizon.Start.PlusDays(d)) is { } sat ? DayIndex(sat) + 7 : -1).ToArray();
        model.TagNeedsOfCell = model.Cells.Select(c => Enumerable.Range(0, model.TagNeeds.Count).Where(t => model.TagNeeds[t].Cells.Contains(c.Index)).ToArray()).ToArray();
        model.HardWeight = Math.Max(1000, 10 * model.Cells.Select(c => Math.Max(c.Under, c.Over)).DefaultIfEmpty(0).Max());
        model.MinutesPerUnit = Math.Max(1, (int)model.Cells.Select(c => c.Minutes).DefaultIfEmpty(60).Average());
        model.Pinned = Enumerable.Range(0, model.People).Select(_ => Enumerable.Repeat(-1, model.Days).ToArray()).ToArray();
        foreach (var (slotId, personId, pinned) in Problem.Previous.Select(a => (a.SlotId, a.PersonId, false)).Concat(Problem.Pinned.Select(a => (a.SlotId, a.PersonId, true))))
        {
            var p = PersonIndex(personId);
            if (p < 0 || !_cellOfSlot.TryGetValue(slotId, out var c))
            {
                continue;
            }
            var day = model.Cells[c].Day;
            if (pinned)
            {
                (model.Pinned[p][day], model.Limits[p].Locked[day]) = (c, true);
            }
            else
            {
                model.Limits[p].PreviousCell[day] = c;
            }
        }
        NoWeekendsWhereNoneAllowed();
        model.IndexEligibility();
    }

    /// <summary>Someone allowed no weekend is not eligible for a weekend cell (bar a pinned day): any such duty breaks the
    /// rule, and a move that hands them one only costs the search a violation it must later undo (on Curtois 24 such a
    /// duty, left at the limit, was once beyond what the grace mends).</summary>
    private void NoWeekendsWhereNoneAllowed()
    {
        var model = Model;
        for (var p = 0; p < model.People; p++)
        {
            if (model.Limits[p].MaxWeekends > 0)
            {
                continue;
            }
            foreach (var cell in model.Cells)
            {
                if (model.WeekendOfDay[cell.Day] >= 0 && !model.Limits[p].Locked[cell.Day])
                {
                    model.Eligible[p][cell.Index] = false;
                }
            }
        }
    }

    private static LocalDate Min(LocalDate? a, LocalDate? b) => a is null ? b ?? new LocalDate(2000, 1, 1) : b is null || a <= b ? a.Value : b.Value;

    private static LocalDate Max(LocalDate? a, LocalDate? b) => a is null ? b ?? new LocalDate(2000, 1, 1) : b is null || a >= b ? a.Value : b.Value;
}
