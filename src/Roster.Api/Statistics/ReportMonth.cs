using System.Globalization;
using NodaTime;
using Roster.Api.Problems;

namespace Roster.Api.Statistics;

/// <summary>A calendar month as yyyy-MM, e.g. 2026-12: from its first day to its last, both included.</summary>
internal sealed record ReportMonth(LocalDate First)
{
    public LocalDate Last => First.PlusMonths(1).PlusDays(-1);

    public string Text => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static ReportMonth? Parse(FieldErrors errors, string? value)
    {
        if (value is null)
        {
            errors.Add("month", "is required");
            return null;
        }

        if (value.Length == 7 && value[4] == '-'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && year >= 2000 && month is >= 1 and <= 12)
        {
            return new ReportMonth(new LocalDate(year, month, 1));
        }

        errors.Add("month", "must be a month as yyyy-MM from 2000-01");
        return null;
    }
}
