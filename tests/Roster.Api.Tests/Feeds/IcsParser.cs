using System.Diagnostics;
using System.Text.Json;

namespace Roster.Api.Tests.Feeds;

/// <summary>
/// Reads a feed with an independent parser, Debian's python3-icalendar (installed by ./roster test), and returns what it
/// saw as JSON: VTIMEZONE ids and offsets, and per VEVENT its UID, start and end as Unix seconds, TZID, texts and alarms.
/// </summary>
public static class IcsParser
{
    private const string Script = """
        import sys, json, icalendar
        def text(value):
            raw = value.to_ical()
            return raw.decode() if isinstance(raw, bytes) else raw
        cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
        out = {"timezones": [], "events": []}
        for tz in cal.walk("VTIMEZONE"):
            offsets = [text(sub["TZOFFSETTO"]) for sub in tz.subcomponents if "TZOFFSETTO" in sub]
            out["timezones"].append({"tzid": str(tz["TZID"]), "offsets": offsets})
        for ev in cal.walk("VEVENT"):
            start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
            out["events"].append({
                "uid": str(ev["UID"]), "start": int(start.timestamp()), "end": int(end.timestamp()),
                "tzid": ev["DTSTART"].params.get("TZID"), "summary": str(ev["SUMMARY"]),
                "description": str(ev.get("DESCRIPTION", "")),
                "alarms": [{"action": str(a["ACTION"]), "trigger": text(a["TRIGGER"])} for a in ev.walk("VALARM")]})
        print(json.dumps(out, ensure_ascii=False))
        """;

    public static async Task<JsonElement> ParseAsync(string ics)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        await process.StandardInput.BaseStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(ics));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "python3-icalendar could not read the feed: " + await error);
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
