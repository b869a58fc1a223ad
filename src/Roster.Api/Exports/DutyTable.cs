namespace Roster.Api.Exports;

/// <summary>A printed duty table (值班表): a title, the shift × role columns, and one row per day of the period.</summary>
internal sealed record DutyTable(string Title, IReadOnlyList<DutyTableColumn> Columns, IReadOnlyList<DutyTableRow> Rows)
{
    /// <summary>The columns every table starts with, before the shift × role columns.</summary>
    public static readonly IReadOnlyList<(string Zh, string En)> FixedHeaders = [("日期", "Date"), ("星期", "Weekday"), ("类型", "Day type")];

    /// <summary>What an empty required slot shows.</summary>
    public const string Unfilled = "空岗 unfilled";

    /// <summary>What a column shows on a day its shift does not run.</summary>
    public const string NoShift = "—";
}
