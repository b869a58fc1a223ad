using NodaTime;

namespace Roster.Scheduler.Hosting;

/// <summary>The standalone scheduler's one read of the wall clock: NodaTime's IClock over .NET's TimeProvider.</summary>
internal sealed class SystemTimeClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
