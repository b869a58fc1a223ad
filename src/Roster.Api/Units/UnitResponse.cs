using NodaTime;
using Roster.Core.Storage.Units;

namespace Roster.Api.Units;

/// <summary>A unit of the organisation tree.</summary>
public sealed record UnitResponse(Guid Id, Guid? ParentId, string Code, string Name, string? NameEn, string TimeZone, int Version, Instant CreatedAt, bool Active = true)
{
    public static UnitResponse From(UnitRow row) =>
        new(row.Id, row.ParentId, row.Code, row.Name, row.NameEn, row.TimeZone, row.Version, row.CreatedAt, row.Active);
}
