using NodaTime;
using Roster.Core.Leave;
using Roster.Core.Storage;
using Roster.Core.Storage.People;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Demo;

/// <summary>The demo organisation: who is where, and the shifts of the demo period.</summary>
internal static class DemoData
{
    /// <summary>12 hours of rest after a shift, and a fair share of duties among the leaders and among the staff.</summary>
    public const string Rules = """
        [{"type":"minRest","rest":"PT12H"},{"type":"fairness","role":"leader","weight":1},{"type":"fairness","role":"staff","weight":1}]
        """;

    private static readonly (string Code, string Name, string NameEn)[] SchoolNames =
    [
        ("school-1", "第一中学", "No. 1 Middle School"),
        ("school-2", "实验小学", "Experimental Primary School"),
        ("school-3", "第二中学", "No. 2 Middle School"),
    ];

    private static readonly string[] FamilyNames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰"];

    public sealed record DemoUnits(Guid Bureau, IReadOnlyList<Guid> Schools);

    public sealed record DemoPeople(Guid StaffPerson, string StaffName);

    public static async Task<DemoUnits> InsertUnitsAsync(DbWork work, Instant now, CancellationToken ct)
    {
        var bureau = await UnitStore.InsertAsync(work, new UnitRow
        {
            Code = "bureau", Name = "示范区教育局", NameEn = "Demo District Education Bureau", TimeZone = DemoSeeder.Zone, CreatedAt = now,
        }, ct);
        var schools = new List<Guid>();
        foreach (var (code, name, nameEn) in SchoolNames)
        {
            var school = await UnitStore.InsertAsync(work, new UnitRow
            {
                ParentId = bureau.Id, Code = code, Name = name, NameEn = nameEn, TimeZone = DemoSeeder.Zone, CreatedAt = now,
            }, ct);
            schools.Add(school.Id);
        }

        return new DemoUnits(bureau.Id, schools);
    }

    /// <summary>4 people at the bureau and 12 per school (3 leaders, 7 formal staff, a contract and a temporary worker).</summary>
    public static async Task<DemoPeople> InsertPeopleAsync(DbWork work, DemoUnits units, Instant now, LocalDate today, CancellationToken ct)
    {
        var n = 0;
        Guid? staffPerson = null;
        var staffName = "";
        foreach (var (unitId, count) in new[] { (units.Bureau, 4) }.Concat(units.Schools.Select(s => (s, 12))))
        {
            for (var i = 0; i < count; i++, n++)
            {
                var leader = i < count / 4 + (count == 4 ? 1 : 0);
                var employment = i == count - 1 && count > 4 ? "temporary" : i == count - 2 && count > 4 ? "contract" : "formal";
                var name = FamilyNames[n % FamilyNames.Length] + GivenNames[(n * 7 + 3) % GivenNames.Length] + (n >= 13 ? GivenNames[n % GivenNames.Length] : "");
                var person = await PersonStore.InsertAsync(work, new PersonRow
                {
                    UnitId = unitId, Name = name, EmploymentType = employment,
                    Roles = leader ? ["leader"] : ["staff"],
                    Tags = i % 4 == 1 ? ["first-aid"] : [],
                    Phone = $"139{n:D8}", Email = $"person{n}@demo.roster.example", Active = true, CreatedAt = now,
                }, ct);
                if (unitId == units.Schools[0] && !leader && employment == "formal" && staffPerson is null)
                {
                    staffPerson = person.Id;
                    staffName = name;
                }

                // One school-1 staff member is on leave for three days next week, so the demo has leave to respect.
                if (unitId == units.Schools[0] && i == 5)
                {
                    await LeaveStore.InsertAsync(work, new LeaveRow
                    {
                        PersonId = person.Id, FirstDay = today.PlusDays(5), LastDay = today.PlusDays(7), Kind = "leave",
                        Status = LeaveStatus.Approved, Reason = "事假 personal leave", CreatedAt = now,
                    }, ct);
                }
            }
        }

        return new DemoPeople(staffPerson ?? throw new InvalidOperationException("The demo needs a formal staff member."), staffName);
    }

    public static IEnumerable<ShiftRow> Shifts(Guid periodId, Instant now)
    {
        string[] allDays = ["workday", "weekend", "holiday"];
        yield return new ShiftRow
        {
            PeriodId = periodId, Code = "L24", Name = "24小时带班", NameEn = "24-hour leader shift", DayTypes = allDays,
            StartsAt = new LocalTime(8, 0), Length = Period.FromHours(24), Headcount = """{"leader":1}""", CreatedAt = now,
        };
        yield return new ShiftRow
        {
            PeriodId = periodId, Code = "D", Name = "白班", NameEn = "Day shift", DayTypes = allDays,
            StartsAt = new LocalTime(8, 0), Length = Period.FromHours(12), Headcount = """{"staff":1}""", CreatedAt = now,
        };
        yield return new ShiftRow
        {
            PeriodId = periodId, Code = "N", Name = "夜班", NameEn = "Night shift", DayTypes = allDays,
            StartsAt = new LocalTime(20, 0), Length = Period.FromHours(12), Headcount = """{"staff":1}""", CreatedAt = now,
        };
    }
}
