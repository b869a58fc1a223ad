namespace Roster.Api.Imports;

/// <summary>
/// Normalises a phone typed into a staff list. Full-width digits and spaces were folded already (<see cref="CellText"/>);
/// separators (space, '-', '.', brackets) and a +86 / 0086 prefix go; what remains must be a mainland mobile number
/// (11 digits from 1) or a landline with its area code (0 and 9–11 more digits). Anything else is not guessed at.
/// </summary>
internal static class PhoneNumbers
{
    public static string? Normalise(string text, out string? error)
    {
        error = null;
        var digits = new string([.. text.Where(c => c is not (' ' or '-' or '.' or '(' or ')' or '\u00A0'))]);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            error = $"“{text}”不是电话号码（只能含数字）· '{text}' is not a phone number (digits only)";
            return null;
        }

        var mobile = digits.Length == 11 && digits[0] == '1';
        var landline = digits.Length is >= 10 and <= 12 && digits[0] == '0';
        if (!mobile && !landline)
        {
            error = $"“{text}”不是11位手机号或带区号的座机号（{digits.Length}位）· '{text}' is neither an 11-digit mobile number nor a "
                + $"landline with area code ({digits.Length} digits)";
            return null;
        }

        return digits;
    }
}
