namespace Roster.Api.Statistics;

/// <summary>The figures of a person's statistics that a confirmed report freezes, by field, with their bilingual labels.</summary>
internal static class PersonFigures
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["duties"] = "值班次数 Duties",
        ["byDayType.workday"] = "工作日 Workday",
        ["byDayType.weekend"] = "周末 Weekend",
        ["byDayType.holiday"] = "节假日 Public holiday",
        ["byDayType.makeUpWorkday"] = "调休上班日 Make-up workday",
        ["hours"] = "时长 Hours",
        ["nightDuties"] = "夜班 Night duties",
        ["standbyDays"] = "备班天数 Standby days",
        ["checkIns.onTime"] = "按时签到 On-time check-ins",
        ["checkIns.late"] = "迟到签到 Late check-ins",
        ["checkIns.missed"] = "漏签到 Missed check-ins",
        ["swaps.given"] = "换出 Swaps given",
        ["swaps.taken"] = "换入 Swaps taken",
        ["allowance"] = "值班补贴 Allowance (CNY)",
        ["compensatoryHours"] = "补休 Time off in lieu (h)",
    };

    public static IReadOnlyList<(string Field, decimal Value)> Of(PersonStatisticsResponse? p) =>
    [
        ("duties", p?.Duties ?? 0),
        ("byDayType.workday", p?.ByDayType.Workday ?? 0),
        ("byDayType.weekend", p?.ByDayType.Weekend ?? 0),
        ("byDayType.holiday", p?.ByDayType.Holiday ?? 0),
        ("byDayType.makeUpWorkday", p?.ByDayType.MakeUpWorkday ?? 0),
        ("hours", p?.Hours ?? 0),
        ("nightDuties", p?.NightDuties ?? 0),
        ("standbyDays", p?.StandbyDays ?? 0),
        ("checkIns.onTime", p?.CheckIns.OnTime ?? 0),
        ("checkIns.late", p?.CheckIns.Late ?? 0),
        ("checkIns.missed", p?.CheckIns.Missed ?? 0),
        ("swaps.given", p?.Swaps.Given ?? 0),
        ("swaps.taken", p?.Swaps.Taken ?? 0),
        ("allowance", p?.Allowance ?? 0),
        ("compensatoryHours", p?.CompensatoryHours ?? 0),
    ];

    /// <summary>Every figure that differs between the confirmed rows and the current ones, person by person.</summary>
    public static IReadOnlyList<StatisticsCorrection> Corrections(
        IReadOnlyList<PersonStatisticsResponse> confirmed, IReadOnlyList<PersonStatisticsResponse> current)
    {
        var before = confirmed.ToDictionary(p => p.PersonId);
        var now = current.ToDictionary(p => p.PersonId);
        var result = new List<StatisticsCorrection>();
        foreach (var id in confirmed.Select(p => p.PersonId).Concat(current.Select(p => p.PersonId).Where(i => !before.ContainsKey(i))))
        {
            var was = before.GetValueOrDefault(id);
            var isNow = now.GetValueOrDefault(id);
            var name = (isNow ?? was)!.Name;
            result.AddRange(Of(was).Zip(Of(isNow))
                .Where(pair => pair.First.Value != pair.Second.Value)
                .Select(pair => new StatisticsCorrection(id, name, pair.First.Field, pair.First.Value, pair.Second.Value)));
        }

        return result;
    }
}
