using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Roster.Api.Hosting;

/// <summary>Instants in request bodies as ISO-8601 with Z, within ten years of now (deadlines in year 9999 are typing errors).</summary>
internal sealed class SaneInstantJsonConverter(IClock clock) : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = reader.TokenType == JsonTokenType.String ? InstantPattern.ExtendedIso.Parse(reader.GetString() ?? "") : null;
        if (result is null || !result.Success)
        {
            throw new JsonException("An instant is an ISO-8601 string such as 2026-12-31T00:00:00Z.");
        }

        var now = clock.GetCurrentInstant();
        var span = Duration.FromDays(SaneLocalDateJsonConverter.Years * 366);
        if (result.Value < now - span || result.Value > now + span)
        {
            throw new JsonException($"An instant must be within {SaneLocalDateJsonConverter.Years} years of now.");
        }

        return result.Value;
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}
