using NodaTime;

namespace Roster.Core.Storage.Statistics;

/// <summary>
/// Something that happened in a unit: a gap (<c>gap:kind</c>), an incident, a spot-check item (<c>spot:outcome</c> or
/// <c>spot:pending</c>) at <see cref="At"/>; or a daily report (<c>report:late</c>, <c>report:on_time</c>) of <see cref="Day"/>.
/// </summary>
public sealed class UnitEventRow
{
    public Guid UnitId { get; init; }

    public string Kind { get; init; } = "";

    public Instant? At { get; init; }

    public LocalDate? Day { get; init; }
}
