using System.Globalization;
using System.Text;

namespace Roster.Api.Imports;

/// <summary>
/// A column of an import template: its key (used in row errors), and its Chinese and English headers. The template's
/// header cell reads "工号 staff number"; a header of either language alone, or the key, is recognised as well.
/// </summary>
internal sealed record ImportColumn(string Key, string Zh, string En, bool Required, string Example)
{
    public string Header => $"{Zh} {En}";

    public bool Matches(string header)
    {
        var h = Normalise(header);
        return h.Length > 0 && (h == Normalise(Header) || h == Normalise(Zh) || h == Normalise(En) || h == Normalise(Key));
    }

    /// <summary>Lower case, full-width folded, without spaces, punctuation or a trailing "(required)" star.</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
