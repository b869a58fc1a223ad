using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>A shift of a period.</summary>
public sealed record ShiftResponse(
    Guid Id, Guid PeriodId, string Code, string Name, string? NameEn, IReadOnlyList<string> DayTypes, LocalTime StartsAt,
    Duration Length, IReadOnlyDictionary<string, int> Headcount, int Version, Instant CreatedAt)
{
    public static ShiftResponse From(ShiftRow row) => new(
        row.Id, row.PeriodId, row.Code, row.Name, row.NameEn, row.DayTypes, row.StartsAt, row.Length.ToDuration(),
        JsonSerializer.Deserialize<Dictionary<string, int>>(row.Headcount) ?? [], row.Version, row.CreatedAt);
}
