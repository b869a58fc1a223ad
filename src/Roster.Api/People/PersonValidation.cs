using System.Net.Mail;
using Roster.Api.Problems;
using Roster.Core.Storage.People;

namespace Roster.Api.People;

/// <summary>Checks a person request field by field.</summary>
internal static class PersonValidation
{
    private static readonly string[] EmploymentTypes = ["formal", "contract", "temporary"];

    public static PersonRow Validate(PersonRequest request, FieldErrors errors)
    {
        var name = errors.Text("name", request.Name, 100);
        var employment = request.EmploymentType?.Trim().ToLowerInvariant() ?? "formal";
        if (!EmploymentTypes.Contains(employment))
        {
            errors.Add("employmentType", "must be one of formal, contract, temporary");
        }

        var roles = Codes("roles", request.Roles, errors);
        var tags = Codes("tags", request.Tags, errors);
        var phone = errors.OptionalText("phone", request.Phone, 32);
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')'))
        {
            errors.Add("phone", "may contain only digits, spaces and + - ( )");
        }

        var email = errors.OptionalText("email", request.Email, 254);
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            errors.Add("email", "is not an email address");
        }

        return new PersonRow
        {
            Name = name, EmploymentType = employment, Roles = roles, Tags = tags, Phone = phone, Email = email,
            Active = request.Active ?? true,
        };
    }

    /// <summary>Role and tag codes: lower-case letters, digits, '-' and '_', at most 32 characters, at most 20 of them.</summary>
    private static string[] Codes(string field, IReadOnlyList<string>? values, FieldErrors errors)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Count > 20)
        {
            errors.Add(field, "may hold at most 20 entries");
            return [];
        }

        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (string.IsNullOrEmpty(v) || v.Length > 32 || !v.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            {
                errors.Add($"{field}[{i}]", "must be a code of lower-case letters, digits, '-' or '_' (at most 32)");
            }
        }

        return values.Distinct(StringComparer.Ordinal).ToArray();
    }
}
