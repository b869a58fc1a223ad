using System.Globalization;
using System.Text;

namespace Roster.Api.Imports;

/// <summary>
/// A cell as text. Full-width forms are folded to ASCII (NFKC: ０１３ → 013, the ideographic space → a space), and
/// numbers print without exponent or grouping, as a phone typed into a number cell should. A cell Excel stored as a date
/// is marked, so that a column that wants text can say so instead of importing a serial number.
/// </summary>
internal readonly record struct CellText(string Text, bool WasDate)
{
    public static CellText Of(object? value) => value switch
    {
        null => new("", false),
        string s => new(Fold(s), false),
        DateTime d => new(d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), true),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e17 => new(d.ToString("0", CultureInfo.InvariantCulture), false),
        double d => new(d.ToString("R", CultureInfo.InvariantCulture), false),
        decimal m => new(m.ToString(CultureInfo.InvariantCulture), false),
        bool b => new(b ? "true" : "false", false),
        IFormattable f => new(f.ToString(null, CultureInfo.InvariantCulture), false),
        _ => new(Fold(value.ToString() ?? ""), false),
    };

    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).Trim();
}
