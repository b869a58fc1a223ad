using System.Threading.Channels;

namespace Roster.Api.Events;

/// <summary>One event stream's view of the change feed; disposing it unsubscribes.</summary>
internal sealed class Subscription(ChannelReader<ChangeEvent> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<ChangeEvent> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
