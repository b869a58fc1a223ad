using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Roster.Api.Hosting;

/// <summary>
/// Dates in request bodies as ISO-8601 (yyyy-MM-dd) within ten years of today: year 9999 is a typing error (PostgreSQL
/// would store it as <c>infinity</c>). Endpoints that know a period check its bounds on top of this.
/// </summary>
internal sealed class SaneLocalDateJsonConverter(IClock clock) : JsonConverter<LocalDate>
{
    public const int Years = 10;

    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = reader.TokenType == JsonTokenType.String ? LocalDatePattern.Iso.Parse(reader.GetString() ?? "") : null;
        if (result is null || !result.Success)
        {
            throw new JsonException("A date is an ISO-8601 string such as 2026-12-31.");
        }

        var today = clock.GetCurrentInstant().InUtc().Date;
        if (result.Value < today.PlusYears(-Years) || result.Value > today.PlusYears(Years))
        {
            throw new JsonException($"A date must be within {Years} years of today.");
        }

        return result.Value;
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
