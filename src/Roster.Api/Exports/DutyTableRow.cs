using NodaTime;
using Roster.Core.Model;

namespace Roster.Api.Exports;

/// <summary>One day of a duty table: the date, its kind, and one cell per <see cref="DutyTableColumn"/>.</summary>
internal sealed record DutyTableRow(LocalDate Date, DayType DayType, string DayTypeText, IReadOnlyList<string> Cells);
