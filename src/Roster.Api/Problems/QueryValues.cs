using NodaTime;
using NodaTime.Text;

namespace Roster.Api.Problems;

/// <summary>Parses query-string values that minimal APIs cannot bind by themselves (NodaTime types).</summary>
internal static class QueryValues
{
    /// <summary>An ISO date (yyyy-MM-dd), or null when absent; a malformed value is recorded against the field.</summary>
    public static LocalDate? Date(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(value);
        if (!result.Success)
        {
            errors.Add(field, "must be a date as yyyy-MM-dd");
            return null;
        }

        return result.Value;
    }
}
