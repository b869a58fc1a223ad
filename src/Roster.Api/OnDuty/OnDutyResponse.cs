using NodaTime;

namespace Roster.Api.OnDuty;

/// <summary>The on-duty board at <c>at</c>: one entry per unit that keeps a roster, in unit-code order.</summary>
public sealed record OnDutyResponse(Instant At, IReadOnlyList<OnDutyUnitResponse> Units);
