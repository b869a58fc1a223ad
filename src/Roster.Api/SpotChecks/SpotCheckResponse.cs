using NodaTime;

namespace Roster.Api.SpotChecks;

/// <summary>A spot check: who was drawn at <c>at</c>, from how many people on duty.</summary>
public sealed record SpotCheckResponse(Guid Id, Guid UnitId, Instant At, int Seed, int OnDuty, IReadOnlyList<SpotCheckItemResponse> Items);
