namespace Roster.Api.Imports;

/// <summary>
/// One problem of an uploaded table: the spreadsheet row (1 is the first row, the header) and the column by its key
/// (e.g. <c>staffNumber</c>); both null for a problem of the whole file.
/// </summary>
public sealed record ImportRowError(int? Row, string? Column, string Message);
