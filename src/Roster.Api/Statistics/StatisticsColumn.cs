using Roster.Api.Exports;

namespace Roster.Api.Statistics;

/// <summary>One column of a statistics sheet: bilingual headers, width, and how a row fills its cell.</summary>
internal sealed record StatisticsColumn<T>(string HeaderZh, string HeaderEn, double Width, Func<T, XlsxCell> Cell);
