using NodaTime;
using Roster.Api.Problems;

namespace Roster.Api.Units;

/// <summary>Checks a unit request field by field.</summary>
internal static class UnitValidation
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static (string Code, string Name, string? NameEn, string TimeZone) Validate(UnitRequest request, FieldErrors errors)
    {
        var code = errors.Text("code", request.Code, 64);
        if (code.Length > 0 && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("code", "may contain only letters, digits, '-', '_' and '.'");
        }

        var name = errors.Text("name", request.Name);
        var nameEn = errors.OptionalText("nameEn", request.NameEn);
        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? DefaultTimeZone : request.TimeZone.Trim();
        if (zone.Length > 64 || DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            errors.Add("timeZone", "is not an IANA time zone id such as Asia/Shanghai");
        }

        return (code, name, nameEn, zone);
    }
}
