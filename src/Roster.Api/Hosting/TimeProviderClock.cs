using NodaTime;

namespace Roster.Api.Hosting;

/// <summary>The one place the wall clock is read: NodaTime's IClock over .NET's TimeProvider.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
