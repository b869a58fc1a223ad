using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Quartz;
using Roster.Core.Storage;
using Roster.Core.Storage.Notifications;
using Roster.Scheduler.Hosting;

namespace Roster.Scheduler.Notifications;

/// <summary>
/// Hands Hangfire the notifications no job holds: those written by causes without a queue at hand (gap detection in
/// an API request) and those whose job died with its process.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class OutboxRelayJob(NpgsqlDataSource db, IClock clock, DeliveryQueue queue, IOptions<SchedulerOptions> options) : IJob
{
    public static readonly JobKey Key = new("outbox-relay", "roster");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<long> ids;
        do
        {
            await using (var work = await DbWork.BeginAsync(db, cancellationToken))
            {
                var now = clock.GetCurrentInstant();
                ids = await NotificationDeliveryStore.ClaimForRelayAsync(
                    work, now, now - Duration.FromTimeSpan(options.Value.RelayStaleAfter), 500, cancellationToken);
                await work.CommitAsync(cancellationToken);
            }

            queue.Enqueue(ids);
        }
        while (ids.Count == 500 && !cancellationToken.IsCancellationRequested);
    }
}
