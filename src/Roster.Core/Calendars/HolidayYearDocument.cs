using System.Text.Json.Serialization;

namespace Roster.Core.Calendars;

/// <summary>The days off and make-up workdays of one calendar year, as stored in JSON.</summary>
/// <remarks>
/// Every date lies inside the year it is listed under. A holiday across New Year (元旦 2022-12-31 … 2023-01-02) is split
/// between the two years; <see cref="HolidayCalendar"/> joins the halves again.
/// </remarks>
public sealed record HolidayYearDocument
{
    [JsonPropertyName("holidays")]
    public IReadOnlyList<HolidayRangeDocument> Holidays { get; init; } = [];

    /// <summary>调休上班日: Saturdays or Sundays worked as workdays, ISO dates (yyyy-MM-dd).</summary>
    [JsonPropertyName("makeUpWorkdays")]
    public IReadOnlyList<string> MakeUpWorkdays { get; init; } = [];
}
