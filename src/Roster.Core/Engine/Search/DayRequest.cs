namespace Roster.Core.Engine.Search;

/// <summary>Compiled request: Shift −1 = any shift that day, −2 = a shift that does not exist.</summary>
internal readonly record struct DayRequest(int Shift, bool Want, double Weight)
{
    /// <summary>Whether holding a duty of shift <paramref name="held"/> that day (−1: off) grants the request.</summary>
    public bool MetBy(int held) => (held >= 0 && (Shift == -1 || Shift == held)) == Want;
}
