using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Roster.Core.Calendars;

/// <summary>
/// A holiday calendar as data: the shape of the shipped JSON files and of custom calendars administrators store.
/// Check it with <see cref="Validate"/>, then build a <see cref="HolidayCalendar"/> with
/// <see cref="HolidayCalendar.FromDocument"/>.
/// </summary>
/// <remarks>
/// Property names are fixed by attributes, so the document round-trips with any <see cref="JsonSerializerOptions"/>.
/// JSON <c>null</c> can still reach non-nullable properties; <see cref="Validate"/> reports it instead of trusting the types.
/// </remarks>
public sealed record HolidayCalendarDocument
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Keep 元旦 readable in stored and returned JSON instead of \u5143\u65e6.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>Stable id, lower-case letters, digits and '-', e.g. <c>cn-mainland</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Display name by language tag, e.g. <c>{"zh-CN": "中国大陆法定节假日", "en": "Mainland China public holidays"}</c>.</summary>
    [JsonPropertyName("name")]
    public IReadOnlyDictionary<string, string> Name { get; init; } = new Dictionary<string, string>();

    /// <summary>Covered years by four-digit year, e.g. <c>"2026"</c>.</summary>
    [JsonPropertyName("years")]
    public IReadOnlyDictionary<string, HolidayYearDocument> Years { get; init; } = new Dictionary<string, HolidayYearDocument>();

    /// <summary>Reads a document from JSON.</summary>
    /// <exception cref="JsonException">The text is not JSON of this shape (the API answers 400).</exception>
    public static HolidayCalendarDocument FromJson(string json) =>
        JsonSerializer.Deserialize<HolidayCalendarDocument>(json, JsonOptions)
        ?? throw new JsonException("A holiday calendar must be a JSON object, not null.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>All problems of the document, in document order; empty when it is valid.</summary>
    public IReadOnlyList<CalendarValidationError> Validate() => HolidayCalendarValidator.Validate(this);
}
