using System.Text.Json;
using Roster.Api.Problems;
using Roster.Core.Calendars;

namespace Roster.Api.Calendars;

/// <summary>Checks a calendar request; document errors are named by their path under <c>document</c>.</summary>
internal static class CalendarValidation
{
    public static (string Code, string Name, string Document) Validate(CalendarRequest request, FieldErrors errors)
    {
        var code = errors.Text("code", request.Code, 64);
        if (code.Length > 0 && !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add("code", "may contain only lower-case letters, digits and '-'");
        }

        var name = errors.Text("name", request.Name);
        if (request.Document is not { ValueKind: JsonValueKind.Object } raw)
        {
            errors.Add("document", "is required: an object with id, name and years");
            return (code, name, "{}");
        }

        HolidayCalendarDocument document;
        try
        {
            document = HolidayCalendarDocument.FromJson(raw.GetRawText());
        }
        catch (JsonException e)
        {
            errors.Add("document" + (e.Path is { Length: > 1 } p ? p[1..] : ""), "has the wrong type or format");
            return (code, name, "{}");
        }

        foreach (var error in document.Validate())
        {
            errors.Add("document." + error.Field, error.Message);
        }

        return (code, name, document.ToJson());
    }
}
