using NodaTime;
using Roster.Api.Problems;
using Roster.Core.Storage.Statistics;

namespace Roster.Api.Statistics;

/// <summary>Checks a rate card field by field: amounts from 0, in hundredths, within the stored precision.</summary>
internal static class DutyRatesValidation
{
    private const decimal MaxAllowance = 99_999_999.99m;

    private const decimal MaxHours = 9_999.99m;

    public static DutyRateCardRow Validate(DutyRatesRequest request, Guid? unitId, Guid? periodId, Instant now, FieldErrors errors)
    {
        var workday = Rate(errors, "workday", request.Workday);
        var weekend = Rate(errors, "weekend", request.Weekend);
        var holiday = Rate(errors, "holiday", request.Holiday);
        var makeUp = Rate(errors, "makeUpWorkday", request.MakeUpWorkday);
        return new DutyRateCardRow
        {
            UnitId = unitId, PeriodId = periodId, UpdatedAt = now,
            WorkdayAllowance = workday.Allowance, WorkdayCompensatoryHours = workday.Hours,
            WeekendAllowance = weekend.Allowance, WeekendCompensatoryHours = weekend.Hours,
            HolidayAllowance = holiday.Allowance, HolidayCompensatoryHours = holiday.Hours,
            MakeUpWorkdayAllowance = makeUp.Allowance, MakeUpWorkdayCompensatoryHours = makeUp.Hours,
        };
    }

    private static (decimal Allowance, decimal Hours) Rate(FieldErrors errors, string field, DayTypeRateRequest? rate) =>
        (Amount(errors, $"{field}.allowance", rate?.Allowance, MaxAllowance), Amount(errors, $"{field}.compensatoryHours", rate?.CompensatoryHours, MaxHours));

    private static decimal Amount(FieldErrors errors, string field, decimal? value, decimal max)
    {
        var amount = value ?? 0m;
        if (amount < 0 || amount > max || decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, $"must be from 0 to {max}, in hundredths at most");
        }

        return amount;
    }
}
