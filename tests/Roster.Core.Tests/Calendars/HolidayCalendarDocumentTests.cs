using NodaTime;
using Roster.Core.Calendars;
using Roster.Core.Model;

namespace Roster.Core.Tests.Calendars;

public sealed class HolidayCalendarDocumentTests
{
    private const string ValidJson = """
        {
          "id": "acme-cn",
          "name": { "zh-CN": "测试日历", "en": "Test calendar" },
          "years": {
            "2026": {
              "holidays": [ { "name": "元旦", "nameEn": "New Year's Day", "from": "2026-01-01", "to": "2026-01-03" } ],
              "makeUpWorkdays": [ "2026-01-04" ]
            }
          }
        }
        """;

    [Fact]
    public void FromJson_ValidCalendar_HasNoErrorsAndBuilds()
    {
        var document = HolidayCalendarDocument.FromJson(ValidJson);

        Assert.Empty(document.Validate());
        var calendar = HolidayCalendar.FromDocument(document);
        Assert.Equal("acme-cn", calendar.Id);
        Assert.Equal(DayType.Holiday, calendar.DayTypeOf(new LocalDate(2026, 1, 3)));
        Assert.Equal(DayType.MakeUpWorkday, calendar.DayTypeOf(new LocalDate(2026, 1, 4)));
    }

    [Fact]
    public void ToJson_Roundtrip_GivesSameJson()
    {
        var json = HolidayCalendarDocument.FromJson(ValidJson).ToJson();

        var again = HolidayCalendarDocument.FromJson(json).ToJson();

        Assert.Equal(json, again);
        Assert.Contains("\"元旦\"", json, StringComparison.Ordinal);
        Assert.Contains("\"makeUpWorkdays\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDocument_ShippedCalendar_RoundTripsThroughJsonDayForDay()
    {
        var shipped = HolidayCalendars.ChinaMainland;

        var copy = HolidayCalendar.FromJson(shipped.ToDocument().ToJson());

        Assert.Equal(shipped.CoveredYears, copy.CoveredYears);
        Assert.Equal(shipped.Holidays, copy.Holidays);
        Assert.Equal(shipped.MakeUpWorkdays, copy.MakeUpWorkdays);
        foreach (var date in new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2026, 12, 31)))
        {
            Assert.Equal(shipped.DayTypeOf(date), copy.DayTypeOf(date));
        }
    }

    [Fact]
    public void ToDocument_HolidayAcrossNewYear_IsSplitBetweenYears()
    {
        var document = HolidayCalendars.ChinaMainland.ToDocument();

        Assert.Equal("2022-12-31", document.Years["2022"].Holidays[^1].To);
        Assert.Equal("2023-01-01", document.Years["2023"].Holidays[0].From);
        Assert.Empty(document.Validate());
    }

    [Theory]
    [InlineData("""{"name":"元旦","from":"2026-01-03","to":"2026-01-01"}""", "[]", "years.2026.holidays[0].to", "before from")]
    [InlineData("""{"name":"元旦","from":"2025-12-31","to":"2026-01-01"}""", "[]", "years.2026.holidays[0].from", "outside its year")]
    [InlineData("""{"name":"元旦","from":"2026-01-01","to":"2026-02-30"}""", "[]", "years.2026.holidays[0].to", "not a date")]
    [InlineData("""{"name":" ","from":"2026-01-01","to":"2026-01-01"}""", "[]", "years.2026.holidays[0].name", "required")]
    [InlineData("""{"name":"元旦","from":"2026-01-01","to":"2026-01-03"}""", """["2026-01-03"]""", "years.2026.makeUpWorkdays[0]", "also a holiday")]
    [InlineData("""{"name":"元旦","from":"2026-01-01","to":"2026-01-01"}""", """["2027-01-02"]""", "years.2026.makeUpWorkdays[0]", "outside its year")]
    [InlineData("""{"name":"元旦","from":"2026-01-01","to":"2026-01-01"}""", """["2026-01-05"]""", "years.2026.makeUpWorkdays[0]", "Monday")]
    [InlineData("""{"name":"元旦","from":"2026-01-01","to":"2026-01-01"}""", """["2026-01-04","2026-01-04"]""", "years.2026.makeUpWorkdays[1]", "repeats")]
    public void Validate_BadEntry_NamesTheField(string holiday, string makeUpWorkdays, string field, string message)
    {
        var json = """{"id":"x","name":{"en":"X"},"years":{"2026":{"holidays":["""
            + holiday + "],\"makeUpWorkdays\":" + makeUpWorkdays + "}}}";

        var errors = HolidayCalendarDocument.FromJson(json).Validate();

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OverlappingHolidays_NamesTheLaterOne()
    {
        var json = """
            {"id":"x","name":{"en":"X"},"years":{"2026":{"holidays":[
              {"name":"A","from":"2026-05-01","to":"2026-05-05"},
              {"name":"B","from":"2026-05-05","to":"2026-05-06"}],"makeUpWorkdays":[]}}}
            """;

        var error = Assert.Single(HolidayCalendarDocument.FromJson(json).Validate());

        Assert.Equal("years.2026.holidays[1]", error.Field);
        Assert.Contains("overlaps holidays[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingAndNullParts_AreErrorsNotExceptions()
    {
        var json = """{"id":"Bad Id","name":{},"years":{"26":{},"2026":null,"2027":{"holidays":null,"makeUpWorkdays":[null]}}}""";

        var fields = HolidayCalendarDocument.FromJson(json).Validate().Select(e => e.Field).ToList();

        Assert.Equal(["id", "name", "years.26", "years.2026", "years.2027.holidays", "years.2027.makeUpWorkdays[0]"], fields);
    }

    [Fact]
    public void FromDocument_InvalidDocument_ThrowsListingTheFields()
    {
        var document = HolidayCalendarDocument.FromJson("""{"id":"x","name":{"en":"X"},"years":{}}""");

        var exception = Assert.Throws<ArgumentException>(() => HolidayCalendar.FromDocument(document));

        Assert.Contains("years:", exception.Message, StringComparison.Ordinal);
    }
}
