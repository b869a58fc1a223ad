using NodaTime;
using Roster.Core.Statistics;
using Roster.Core.Storage.Statistics;

namespace Roster.Api.Statistics;

/// <summary>
/// The rate card of a unit (<c>unitId</c>) or a period (<c>periodId</c>), by day type. Version 0: none stored yet (all
/// zero). A duty takes its period's card, else its unit's or the nearest ancestor's.
/// </summary>
public sealed record DutyRatesResponse(
    Guid? UnitId, Guid? PeriodId, string Currency, DayTypeRateResponse Workday, DayTypeRateResponse Weekend,
    DayTypeRateResponse Holiday, DayTypeRateResponse MakeUpWorkday, int Version, Instant? UpdatedAt)
{
    public static DutyRatesResponse From(Guid? unitId, Guid? periodId, DutyRateCardRow? row)
    {
        var card = row?.ToCard() ?? DutyRateCard.None;
        return new(unitId, periodId, StatisticsGrouping.Currency, DayTypeRateResponse.From(card.Workday), DayTypeRateResponse.From(card.Weekend),
            DayTypeRateResponse.From(card.Holiday), DayTypeRateResponse.From(card.MakeUpWorkday), row?.Version ?? 0, row?.UpdatedAt);
    }
}
