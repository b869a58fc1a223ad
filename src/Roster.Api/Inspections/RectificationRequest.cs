using NodaTime;

namespace Roster.Api.Inspections;

/// <summary>Who rectifies a hazard (整改责任人) and by when.</summary>
public sealed record RectificationRequest(string? Owner, Instant? DueAt);
