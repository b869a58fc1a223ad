using NodaTime;
using NodaTime.Text;
using Roster.Api.Problems;

namespace Roster.Api.Gaps;

/// <summary>
/// Parses an instant query value: RFC 3339 with Z or an offset (2026-12-31T00:00:00Z, 2026-12-31T08:00:00+08:00, as
/// generated clients send a date-time) within <see cref="QueryValues.FirstDay"/> to <see cref="QueryValues.LastDay"/>; a
/// malformed or out-of-range one is recorded against the field.
/// </summary>
internal static class InstantQuery
{
    public static Instant? Parse(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var result = InstantPattern.ExtendedIso.Parse(value);
        var offset = result.Success ? null : OffsetDateTimePattern.ExtendedIso.Parse(value);
        if (offset is { Success: false })
        {
            errors.Add(field, "must be an instant such as 2026-12-31T00:00:00Z");
            return null;
        }

        // The local date is checked before an offset applies: year 9999 at -14:00 is past the last instant NodaTime holds.
        var day = offset is null ? result.Value.InUtc().Date : offset.Value.Date;
        if (day < QueryValues.FirstDay || day > QueryValues.LastDay)
        {
            errors.Add(field, QueryValues.OutOfRange);
            return null;
        }

        return offset is null ? result.Value : offset.Value.ToInstant();
    }
}
