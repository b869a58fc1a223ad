using NodaTime;
using Roster.Core.Engine;

namespace Roster.Core.Rules;

/// <summary>A roster (slot id → person id) over a problem, indexed for the validators and explainers.</summary>
public sealed class RosterView
{
    private readonly Dictionary<string, List<Slot>> _slotsByPerson;
    private readonly Dictionary<string, List<Unavailability>> _unavailability;
    private readonly Dictionary<string, List<Slot>> _slotsByGroup;
    private (Slot Slot, Person Person, RosterView View)? _with;
    private readonly Dictionary<(Rule, string), HashSet<string>> _explainCache = [];

    public RosterView(RosterProblem problem, IReadOnlyDictionary<string, string> assignments)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        Assignments = assignments;
        Slots = problem.Slots.ToDictionary(s => s.Id, StringComparer.Ordinal);
        People = problem.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Horizon = problem.Horizon ?? (problem.Slots.Count == 0
            ? new DateInterval(new LocalDate(2000, 1, 1), new LocalDate(2000, 1, 1))
            : new DateInterval(problem.Slots.Min(s => s.Date), problem.Slots.Max(s => s.Date)));
        _slotsByPerson = new Dictionary<string, List<Slot>>(StringComparer.Ordinal);
        foreach (var (slotId, personId) in assignments)
        {
            if (Slots.TryGetValue(slotId, out var slot))
            {
                ListOf(_slotsByPerson, personId).Add(slot);
            }
        }
        foreach (var list in _slotsByPerson.Values)
        {
            list.Sort(ByStart);
        }
        _unavailability = new Dictionary<string, List<Unavailability>>(StringComparer.Ordinal);
        foreach (var u in problem.Unavailability)
        {
            ListOf(_unavailability, u.PersonId).Add(u);
        }
        _slotsByGroup = new Dictionary<string, List<Slot>>(StringComparer.Ordinal);
        foreach (var s in problem.Slots)
        {
            ListOf(_slotsByGroup, s.Group).Add(s);
        }
    }

    private RosterView(RosterView from, string personId, List<Slot> personSlots, IReadOnlyDictionary<string, string> assignments)
    {
        Problem = from.Problem;
        Assignments = assignments;
        Slots = from.Slots;
        People = from.People;
        Horizon = from.Horizon;
        _unavailability = from._unavailability;
        _slotsByGroup = from._slotsByGroup;
        _slotsByPerson = new Dictionary<string, List<Slot>>(from._slotsByPerson, StringComparer.Ordinal) { [personId] = personSlots };
    }

    public RosterProblem Problem { get; }

    public IReadOnlyDictionary<string, string> Assignments { get; }

    public IReadOnlyDictionary<string, Slot> Slots { get; }

    public IReadOnlyDictionary<string, Person> People { get; }

    /// <summary>Inclusive range of days the run and period rules look at.</summary>
    public DateInterval Horizon { get; }

    /// <summary>The person's slots, ordered by start.</summary>
    public IReadOnlyList<Slot> SlotsOf(string personId) => _slotsByPerson.TryGetValue(personId, out var list) ? list : [];

    public IReadOnlyList<Unavailability> UnavailabilityOf(string personId) => _unavailability.TryGetValue(personId, out var list) ? list : [];

    public IReadOnlyList<Slot> SlotsInGroup(string group) => _slotsByGroup.TryGetValue(group, out var list) ? list : [];

    /// <summary>The same roster with <paramref name="person"/> also in <paramref name="slot"/>, for the per-person explainers.</summary>
    /// <remarks>Only <see cref="SlotsOf"/> sees the extra slot; <see cref="Assignments"/> is shared with this view. The last
    /// result is cached because every rule asks for the same one in turn.</remarks>
    public RosterView With(Slot slot, Person person)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(person);
        if (_with is { } cached && cached.Slot == slot && cached.Person == person)
        {
            return cached.View;
        }
        var list = new List<Slot>(SlotsOf(person.Id)) { slot };
        list.Sort(ByStart);
        var view = new RosterView(this, person.Id, list, Assignments);
        _with = (slot, person, view);
        return view;
    }

    /// <summary>The violation messages of one rule for one person in this roster, computed once for all the slots explained.</summary>
    internal HashSet<string> ExplainCache(Rule rule, string personId, Func<HashSet<string>> compute)
    {
        if (!_explainCache.TryGetValue((rule, personId), out var messages))
        {
            messages = compute();
            _explainCache[(rule, personId)] = messages;
        }
        return messages;
    }

    private static int ByStart(Slot a, Slot b)
    {
        var c = a.Interval.Start.CompareTo(b.Interval.Start);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    private static List<T> ListOf<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }
        return list;
    }
}
