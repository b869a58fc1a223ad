using System.Text.Json;
using CsCheck;

namespace Roster.Api.Tests.Fuzzing;

/// <summary>Values that have broken APIs before, as JSON text: wrong types, extremes, malformed dates and durations.</summary>
public static class HostileValues
{
    /// <summary>A megabyte of text: bodies may carry it (a request line may not, so paths and queries get shorter ones).</summary>
    private static readonly string Megabyte = JsonSerializer.Serialize(new string('字', 1 << 20));

    public static readonly Gen<string> Json = Gen.OneOf(
        "null", "true", "0", "-1", "-2147483649", "9223372036854775808", "1e308", "-1e308", "0.5", "[]", "{}", "[[[[]]]]",
        "\"\"", "\" \"", "\"x\"", "\"\\u0000\"", "\"<script>\"", "\"=1+1\"", "\"💥\"", "\"P99999999D\"", "\"PT-1H\"",
        "\"P1Y\"", "\"99999-12-31\"", "\"0000-00-00\"", "\"2026-02-30\"", "\"2026-12-01T25:00:00Z\"", "\"-0001-01-01T00:00:00Z\"",
        "\"24:00:00\"", "\"no-such-value\"", "\"00000000-0000-0000-0000-000000000000\"", "\"not-a-guid\"",
        JsonSerializer.Serialize(new string('x', 4000)), Megabyte);

    /// <summary>Text for a path segment or a query value (URL-escaped by the caller).</summary>
    public static readonly Gen<string> Text = Gen.OneOf(Texts);

    /// <inheritdoc cref="Text"/>
    public static string[] Texts => [
        "", " ", "x", "-1", "0", "1e9", "9223372036854775808", "null", "true", "abc", "00000000-0000-0000-0000-000000000000",
        "not-a-guid", "..", "%", "'", "\"", "💥", "P99999999D", "PT-1H", "99999-12-31", "2026-02-30", "-0001-01-01",
        "2026-12-01T25:00:00Z", "2026-12-01T00:00:00Z", "no-such-value", "ZZZZ", new string('x', 2000)];
}
