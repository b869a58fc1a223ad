using NodaTime;

namespace Roster.Core.Storage.Duty;

/// <summary>
/// The on-duty board of a subtree at one instant. <paramref name="ValidAt"/>: the instants at which the board reads the
/// same (no assignment starts or ends within, same UTC day), as long as nothing is written meanwhile.
/// </summary>
public sealed record OnDutyBoard(IReadOnlyList<OnDutyUnitRow> Units, IReadOnlyList<OnDutyPersonRow> People, Interval ValidAt);
