using NodaTime;
using NodaTime.Text;
using Roster.Api.Problems;

namespace Roster.Api.Gaps;

/// <summary>Parses an instant query value (ISO-8601 with Z, e.g. 2026-12-31T00:00:00Z); a malformed one is recorded against the field.</summary>
internal static class InstantQuery
{
    public static Instant? Parse(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var result = InstantPattern.ExtendedIso.Parse(value);
        if (!result.Success)
        {
            errors.Add(field, "must be an instant such as 2026-12-31T00:00:00Z");
            return null;
        }

        return result.Value;
    }
}
