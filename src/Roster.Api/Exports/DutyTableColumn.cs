namespace Roster.Api.Exports;

/// <summary>One shift × duty role column of a duty table, with its zh-CN and en headers; <paramref name="Standby"/> columns
/// list the standby people (备班) of that shift and role.</summary>
internal sealed record DutyTableColumn(string ShiftCode, string Role, string HeaderZh, string HeaderEn, bool Standby = false);
