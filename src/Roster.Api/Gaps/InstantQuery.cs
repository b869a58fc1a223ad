using NodaTime;
using NodaTime.Text;
using Roster.Api.Problems;

namespace Roster.Api.Gaps;

/// <summary>
/// Parses an instant query value: RFC 3339 with Z or an offset (2026-12-31T00:00:00Z, 2026-12-31T08:00:00+08:00, as
/// generated clients send a date-time); a malformed one is recorded against the field.
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
        if (result.Success)
        {
            return result.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(value);
        if (!offset.Success)
        {
            errors.Add(field, "must be an instant such as 2026-12-31T00:00:00Z");
            return null;
        }

        return offset.Value.ToInstant();
    }
}
