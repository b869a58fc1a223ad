using System.Text.Json.Serialization;

namespace Roster.Core.Calendars;

/// <summary>A run of consecutive statutory days off, as stored in JSON.</summary>
/// <remarks>
/// <see cref="From"/> and <see cref="To"/> are ISO dates (yyyy-MM-dd), both inclusive. Dates stay strings here so that a
/// malformed date is a validation error naming its field, not a deserialisation exception.
/// </remarks>
public sealed record HolidayRangeDocument
{
    /// <summary>Name in the calendar's own language, e.g. 元旦.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>English name, e.g. New Year's Day; optional (falls back to <see cref="Name"/>).</summary>
    [JsonPropertyName("nameEn")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NameEn { get; init; }

    /// <summary>First day off, inclusive.</summary>
    [JsonPropertyName("from")]
    public string From { get; init; } = "";

    /// <summary>Last day off, inclusive.</summary>
    [JsonPropertyName("to")]
    public string To { get; init; } = "";
}
