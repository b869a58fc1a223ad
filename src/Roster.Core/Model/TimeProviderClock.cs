using NodaTime;

namespace Roster.Core.Model;

/// <summary>The one place the wall clock is read: NodaTime's IClock over .NET's TimeProvider. The API and a standalone
/// scheduler node each register it once; everything else takes an IClock.</summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
