namespace Roster.Core.Engine.Search;

/// <summary>People visited once each from a start, wrapping round: everyone (0..count−1) when <paramref name="people"/>
/// is null, else the given list. A struct enumerable, so a move's search for someone allocates nothing, where a predicate
/// lambda capturing the move's locals allocated on every draw.</summary>
internal struct Rotation(int[]? people, int start, int count)
{
    private int _i = -1;

    public readonly Rotation GetEnumerator() => this;

    public readonly int Current => people is null ? (start + _i) % count : people[(start + _i) % count];

    public bool MoveNext() => ++_i < count;
}
