using NodaTime;
using Roster.Core.Model;

namespace Roster.Core.Slots;

/// <summary>
/// One shift (班次) of a pattern: when it starts, how long it runs on the local clock, how many people of each duty role it
/// needs, and on which day types it is worked. Always valid: the constructor rejects bad values (validate user input first).
/// </summary>
public sealed class ShiftDefinition
{
    /// <summary>The longest shift accepted: 48 hours of clock time.</summary>
    public static readonly Duration MaxLength = Duration.FromHours(48);

    /// <param name="code">Short code, e.g. D, N, L24; no spaces or '/' (it is part of <see cref="ShiftSlot.Key"/>).</param>
    /// <param name="name">Chinese name, e.g. 白班.</param>
    /// <param name="nameEn">English name, e.g. Day shift.</param>
    /// <param name="start">Local start time on the duty date.</param>
    /// <param name="length">Length on the local clock, 0 &lt; length ≤ 48 h; see <see cref="Length"/>.</param>
    /// <param name="headCount">People needed per duty role (e.g. leader → 1, staff → 2); 0 means none.</param>
    /// <param name="dayTypes">
    /// Day types the shift is worked on: Workday, Weekend, Holiday. Make-up workdays use the workday shifts, so
    /// <see cref="DayType.MakeUpWorkday"/> is not accepted here.
    /// </param>
    public ShiftDefinition(
        string code,
        string name,
        string nameEn,
        LocalTime start,
        Duration length,
        IReadOnlyDictionary<string, int> headCount,
        IEnumerable<DayType> dayTypes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        ArgumentNullException.ThrowIfNull(headCount);
        ArgumentNullException.ThrowIfNull(dayTypes);
        if (!IsKeyPart(code))
        {
            throw new ArgumentException($"Shift code '{code}' must not contain whitespace or '/'.", nameof(code));
        }

        if (length <= Duration.Zero || length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A shift lasts more than 0 and at most 48 hours.");
        }

        foreach (var (role, count) in headCount)
        {
            if (string.IsNullOrWhiteSpace(role) || !IsKeyPart(role))
            {
                throw new ArgumentException($"Role '{role}' must be a non-empty code without whitespace or '/'.", nameof(headCount));
            }

            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(headCount), count, $"Head count of role '{role}' is negative.");
            }
        }

        var types = dayTypes.ToHashSet();
        if (types.Count == 0)
        {
            throw new ArgumentException("A shift applies to at least one day type.", nameof(dayTypes));
        }

        if (types.Contains(DayType.MakeUpWorkday))
        {
            throw new ArgumentException("Make-up workdays use the workday shifts; list DayType.Workday instead.", nameof(dayTypes));
        }

        if (types.Any(t => !Enum.IsDefined(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(dayTypes), "Unknown day type.");
        }

        Code = code;
        Name = name;
        NameEn = nameEn;
        Start = start;
        Length = length;
        HeadCount = new Dictionary<string, int>(headCount, StringComparer.Ordinal);
        DayTypes = types;
    }

    public string Code { get; }

    public string Name { get; }

    public string NameEn { get; }

    /// <summary>Local start time on the duty date.</summary>
    public LocalTime Start { get; }

    /// <summary>
    /// Length on the local clock: the shift ends when the wall clock has moved on by this much, so 08:00 + 24 h ends at
    /// 08:00 the next day. Across a DST change the elapsed time differs (<see cref="ShiftSlot.Length"/> is 23 or 25 h).
    /// </summary>
    public Duration Length { get; }

    /// <summary>People needed per duty role.</summary>
    public IReadOnlyDictionary<string, int> HeadCount { get; }

    /// <summary>Workday, Weekend and/or Holiday; never MakeUpWorkday.</summary>
    public IReadOnlySet<DayType> DayTypes { get; }

    /// <summary><see cref="Length"/> as a local-clock period, to add to a local start date-time.</summary>
    internal Period ClockLength => Period.FromNanoseconds(Length.ToInt64Nanoseconds()).Normalize();

    private static bool IsKeyPart(string value) => !value.Any(c => c == '/' || char.IsWhiteSpace(c));
}
