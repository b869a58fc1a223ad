using NodaTime;

namespace Roster.Core.Calendars;

/// <summary>A statutory holiday: a run of consecutive days off with its names.</summary>
/// <param name="Name">Name in the calendar's own language, e.g. 元旦.</param>
/// <param name="NameEn">English name, e.g. New Year's Day (the local name when the calendar gives none).</param>
/// <param name="Dates">The days off; <see cref="DateInterval"/> is inclusive of both ends.</param>
public sealed record Holiday(string Name, string NameEn, DateInterval Dates);
