namespace Roster.Api.Exports;

/// <summary>One column of the coverage report: bilingual headers, width, and how a row fills its cell.</summary>
internal sealed record CoverageColumn(string HeaderZh, string HeaderEn, double Width, Func<CoverageReportRow, XlsxCell> Cell);
