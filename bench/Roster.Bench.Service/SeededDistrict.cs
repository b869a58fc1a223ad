using NodaTime;

namespace Roster.Bench.Service;

internal sealed record SeededDistrict(Guid Bureau, IReadOnlyList<Guid> Units, Guid Period, LocalDate FirstDay);
