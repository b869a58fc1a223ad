using System.Globalization;
using Dapper;
using NodaTime;
using Roster.Core.Storage.Reminders;
using Roster.Scheduler.Tests.Infrastructure;

namespace Roster.Scheduler.Tests.Cluster;

/// <summary>
/// One database, a webhook receiver, a real SMTP server, and rosters published <em>before</em> any scheduler runs;
/// then two scheduler processes (A and B) on that database.
/// </summary>
/// <remarks>
/// Rosters use the real clock here: the schedulers are other processes with their own clocks. Kill roster: every
/// person's shift starts in 1 h 40 s, so the 24 h reminder is already due (sent on start-up: due while no scheduler ran,
/// shift not started) and the 1 h reminder falls due 40 s later, while both run; one more person's shift started an
/// hour ago, so both of theirs are recorded as missed. Failure roster: one shift with webhooks that answer 500, time
/// out, or succeed.
/// </remarks>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int People = 12;

    private readonly DbFixture _db = new();

    public DbFixture Db => _db;

    public WebhookReceiver Receiver { get; } = new();

    public SmtpSink Smtp { get; private set; } = null!;

    public SchedulerProcess A { get; private set; } = null!;

    public SchedulerProcess B { get; private set; } = null!;

    public Seed.Org KillOrg { get; private set; } = null!;

    public Seed.Org FailOrg { get; private set; } = null!;

    public Guid MissedPerson { get; private set; }

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        Smtp = await SmtpSink.StartAsync();
        var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        var today = now.InZone(Seed.Zone).Date;
        KillOrg = await _db.WorkAsync(async w =>
        {
            var org = await Seed.OrgAsync(w, now, People + 1, today.PlusDays(-1), today.PlusDays(3));
            await AddTargetAsync(w, org, "ok", Receiver.Url("/ok"), now);
            var start = now + Duration.FromHours(1) + Duration.FromSeconds(40);
            var assignments = org.People.Take(People).Select((p, i) => ($"live/{i}", p, start, start + Duration.FromHours(12))).ToList();
            MissedPerson = org.People[People];
            assignments.Add(("started/0", MissedPerson, now - Duration.FromHours(1), now + Duration.FromHours(11)));
            var version = await Seed.PublishAsync(w, org, now, assignments);
            await ReminderPlanner.SyncForVersionAsync(w, version, now, CancellationToken.None);
            return org;
        });
        FailOrg = await _db.WorkAsync(async w =>
        {
            var org = await Seed.OrgAsync(w, now, 1, today.PlusDays(-1), today.PlusDays(3));
            await AddTargetAsync(w, org, "ok", Receiver.Url("/ok"), now);
            await AddTargetAsync(w, org, "fail", Receiver.Url("/fail"), now);
            await AddTargetAsync(w, org, "slow", Receiver.Url("/slow"), now);
            var start = now + Duration.FromMinutes(30);
            var version = await Seed.PublishAsync(w, org, now, [("fail/0", org.People[0], start, start + Duration.FromHours(12))]);
            await ReminderPlanner.SyncForVersionAsync(w, version, now, CancellationToken.None);
            return org;
        });

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Roster"] = _db.ConnectionString,
            ["Scheduler:AllowPrivateWebhooks"] = "true",
            ["Scheduler:RelayStaleAfter"] = "00:00:05",
            ["Scheduler:InvisibilityTimeout"] = "00:00:10",
            ["Scheduler:MaxAttempts"] = "3",
            ["Scheduler:RetryDelays:0"] = "00:00:01",
            ["Scheduler:RetryDelays:1"] = "00:00:02",
            ["Scheduler:DeliveryTimeout"] = "00:00:03",
            ["Scheduler:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        };
        A = SchedulerProcess.Start("node-a", settings);
        await A.WaitReadyAsync(TimeSpan.FromSeconds(90));
        B = SchedulerProcess.Start("node-b", settings);
        await B.WaitReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>A new school whose shifts start in 50 minutes: both reminders of each person are due at once.</summary>
    public Task<Seed.Org> PublishWaveAsync(int people) => _db.WorkAsync(async w =>
    {
        var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        var today = now.InZone(Seed.Zone).Date;
        var org = await Seed.OrgAsync(w, now, people, today.PlusDays(-1), today.PlusDays(3));
        await AddTargetAsync(w, org, "ok", Receiver.Url("/ok"), now);
        var start = now + Duration.FromMinutes(50);
        var version = await Seed.PublishAsync(w, org, now, org.People.Select((p, i) => ($"wave/{i}", p, start, start + Duration.FromHours(12))));
        await ReminderPlanner.SyncForVersionAsync(w, version, now, CancellationToken.None);
        return org;
    });

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await Receiver.DisposeAsync();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        await _db.DisposeAsync();
    }

    private static Task<int> AddTargetAsync(Roster.Core.Storage.DbWork w, Seed.Org org, string name, string url, Instant now) =>
        w.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_targets (unit_id, name, format, url, secret, created_at) VALUES (@unit, @name, 'generic', @url, @secret, @now)
            """, new { unit = org.SchoolId, name, url, secret = WebhookReceiver.Secret, now }, w.Transaction));
}
