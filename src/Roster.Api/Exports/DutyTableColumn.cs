namespace Roster.Api.Exports;

/// <summary>One shift × duty role column of a duty table, with its zh-CN and en headers.</summary>
internal sealed record DutyTableColumn(string ShiftCode, string Role, string HeaderZh, string HeaderEn);
