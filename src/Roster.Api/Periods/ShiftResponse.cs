using System.Text.Json;
using NodaTime;
using Roster.Core.Oversight;
using Roster.Core.Storage.Periods;

namespace Roster.Api.Periods;

/// <summary>A shift of a period; <c>presence</c> gives on_site or reachable for each role of the head-count; <c>standby</c>
/// the standby people (备班) per role (empty when none).</summary>
public sealed record ShiftResponse(
    Guid Id, Guid PeriodId, string Code, string Name, string? NameEn, IReadOnlyList<string> DayTypes, LocalTime StartsAt,
    Duration Length, IReadOnlyDictionary<string, int> Headcount, int Version, Instant CreatedAt, IReadOnlyDictionary<string, string>? Presence = null,
    IReadOnlyDictionary<string, int>? Standby = null)
{
    public static ShiftResponse From(ShiftRow row)
    {
        var headcount = JsonSerializer.Deserialize<Dictionary<string, int>>(row.Headcount) ?? [];
        var presence = DutyPresence.Parse(row.Presence);
        return new(row.Id, row.PeriodId, row.Code, row.Name, row.NameEn, row.DayTypes, row.StartsAt, row.Length.ToDuration(), headcount,
            row.Version, row.CreatedAt, headcount.Keys.ToDictionary(r => r, r => DutyPresence.Of(presence, r), StringComparer.Ordinal),
            JsonSerializer.Deserialize<Dictionary<string, int>>(row.Standby) ?? []);
    }
}
