namespace Roster.Api.Periods;

/// <summary>Something an administrator should fix before generating, e.g. <c>holidays-not-loaded</c> for a year the calendar lacks.</summary>
public sealed record PeriodWarning(string Code, int? Year, string Message, string MessageEn);
