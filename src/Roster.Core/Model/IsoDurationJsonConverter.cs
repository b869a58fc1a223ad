using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Roster.Core.Model;

/// <summary>
/// Durations on the wire as ISO-8601 (<c>PT23H</c>, <c>PT12H30M</c>) rather than NodaTime's <c>d:hh:mm:ss</c>.
/// Years and months have no fixed length and are refused; a day counts as 24 hours.
/// </summary>
public sealed class IsoDurationJsonConverter : JsonConverter<Duration>
{
    /// <summary>The longest duration accepted on the wire: ten years of days (anything longer is a typing error).</summary>
    public const int MaxDays = 3660;

    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A duration is an ISO-8601 string such as PT24H.");
        }

        var text = reader.GetString() ?? "";
        Duration duration;
        try
        {
            var result = PeriodPattern.NormalizingIso.Parse(text);
            if (!result.Success || result.Value.Years != 0 || result.Value.Months != 0)
            {
                throw new JsonException("A duration is an ISO-8601 string such as PT24H (no years or months).");
            }

            var period = result.Value;
            if (Math.Abs(period.Days) > MaxDays || Math.Abs(period.Hours) > MaxDays * 24L)
            {
                throw new JsonException($"A duration is at most {MaxDays} days.");
            }

            duration = period.ToDuration();
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            // NodaTime overflows on values far beyond any duration we keep: the same client error.
            throw new JsonException($"A duration is at most {MaxDays} days.", e);
        }

        return duration > Duration.FromDays(MaxDays) || duration < -Duration.FromDays(MaxDays)
            ? throw new JsonException($"A duration is at most {MaxDays} days.")
            : duration;
    }

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>Hours, minutes and seconds only (<c>PT24H</c>, not <c>P1D</c>): a shift's length reads as hours.</summary>
    public static string Format(Duration value)
    {
        var sign = value < Duration.Zero ? "-" : "";
        var seconds = Math.Abs((long)value.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        if (seconds == 0)
        {
            return "PT0S";
        }

        return sign + "PT" + (h > 0 ? $"{h}H" : "") + (m > 0 ? $"{m}M" : "") + (s > 0 ? $"{s}S" : "");
    }
}
