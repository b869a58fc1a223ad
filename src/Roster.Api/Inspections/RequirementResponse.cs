using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Inspections;

namespace Roster.Api.Inspections;

/// <summary>A required inspection or patrol of a period; the window's dates are both included.</summary>
public sealed record RequirementResponse(
    Guid Id, Guid PeriodId, Guid? UnitId, string Kind, string Title, IReadOnlyList<string> Checklist, int MinCount, LocalDate WindowFirst,
    LocalDate WindowLast, string? PatrolShift, int LeadDays, Instant CreatedAt)
{
    public static RequirementResponse From(RequirementRow r) => new(
        r.Id, r.PeriodId, r.UnitId, r.Kind, r.Title, JsonSerializer.Deserialize<List<string>>(r.Checklist) ?? [], r.MinCount, r.WindowFirst,
        r.WindowLast, r.PatrolShift, r.LeadDays, r.CreatedAt);
}
