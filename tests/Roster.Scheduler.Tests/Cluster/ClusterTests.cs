using Dapper;
using Roster.Scheduler.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Roster.Scheduler.Tests.Cluster;

public sealed class ClusterTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task TwoSchedulers_OneKilledMidDelivery_EveryReminderArrivesExactlyOnce()
    {
        // Wave 1 was due before any scheduler ran (24 h reminders of shifts not yet started): sent once on start-up.
        var wave1 = await ExpectedKeysAsync(cluster.KillOrg.SchoolId, cluster.MissedPerson);
        Assert.Equal(ClusterFixture.People, wave1.Webhook.Count);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(KeysAt(wave1.Webhook).Count == wave1.Webhook.Count), Patience),
            "Reminders due while no scheduler ran were not sent.\nA:\n" + cluster.A.Output + "\nB:\n" + cluster.B.Output);

        // Wave 2 is published now, with both nodes running and a slow receiver; A is killed as its first calls arrive.
        cluster.Receiver.OkDelay = TimeSpan.FromMilliseconds(800);
        var org = await cluster.PublishWaveAsync(ClusterFixture.People);
        var expected = await ExpectedKeysAsync(org.SchoolId, null);
        Assert.Equal(2 * ClusterFixture.People, expected.Webhook.Count);
        var started = await Eventually.TrueAsync(() => Task.FromResult(cluster.Receiver.CallsTo("/ok").Any(c => c.IdempotencyKey is { } k && expected.Webhook.Contains(k))), Patience);
        Assert.True(started, "Wave 2 did not start: " + await StateAsync(org.SchoolId) + "\nA:\n" + cluster.A.Output + "\nB:\n" + cluster.B.Output);
        cluster.A.Kill();
        output.WriteLine($"killed A after {KeysAt(expected.Webhook).Count} of {expected.Webhook.Count} webhook keys");

        var all = await Eventually.TrueAsync(async () =>
            KeysAt(expected.Webhook).Count == expected.Webhook.Count
            && cluster.Smtp.MessageIds().Intersect(expected.Email).Count() == expected.Email.Count
            && await CountAsync(org.SchoolId, "pending", "reminder") == 0, Patience);

        var webhookCalls = cluster.Receiver.CallsTo("/ok").Where(c => c.IdempotencyKey is { } k && expected.Webhook.Contains(k)).ToList();
        var mails = cluster.Smtp.MessageIds().Where(expected.Email.Contains).ToList();
        output.WriteLine($"webhook calls {webhookCalls.Count} for {expected.Webhook.Count} keys; mails {mails.Count} for {expected.Email.Count} keys");
        Assert.True(all, "Not everything arrived.\nB:\n" + cluster.B.Output);
        // None lost: every key arrived. None doubled: the idempotent receiver saw each key, and our log recorded one success per notification.
        Assert.Equal(expected.Webhook.Order(), webhookCalls.Select(c => c.IdempotencyKey!).Distinct().Order());
        Assert.Equal(expected.Email.Order(), mails.Distinct().Order());
        Assert.All(webhookCalls, c => Assert.True(c.SignatureValid));
        var successes = await cluster.Db.WorkAsync(w => w.Connection.QueryAsync<(long, long)>(new CommandDefinition("""
            SELECT n.id, count(*) FILTER (WHERE a.succeeded) FROM notifications n JOIN notification_attempts a ON a.notification_id = n.id
            WHERE n.unit_id = @unit AND n.reason = 'reminder' GROUP BY n.id
            """, new { unit = org.SchoolId }, w.Transaction)));
        Assert.Equal(4 * ClusterFixture.People, successes.Count());
        Assert.All(successes, s => Assert.Equal(1, s.Item2));
        // A re-send can only follow a kill between the receiver's answer and our commit: at most the killed node's in-flight calls.
        Assert.True(webhookCalls.Count - expected.Webhook.Count <= 20 && mails.Count - expected.Email.Count <= 20);
    }

    [Fact]
    public async Task RemindersOfStartedShifts_DueWhileNoSchedulerRan_AreRecordedMissedNotSent()
    {
        var settled = await Eventually.TrueAsync(async () => (await MissedStatusesAsync()).All(s => s == "missed"), Patience);

        Assert.True(settled);
        Assert.Equal(["missed", "missed"], await MissedStatusesAsync());
        Assert.All(cluster.Receiver.Calls, c => Assert.DoesNotContain(cluster.MissedPerson.ToString(), c.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingWebhooks_RetriedWithBackoffThenFailed_OtherDeliveriesUnaffected()
    {
        var unit = cluster.FailOrg.SchoolId;
        var done = await Eventually.TrueAsync(async () =>
            await CountAsync(unit, "pending", "reminder") == 0 && await CountAsync(unit, "failed", "reminder") == 4, Patience);

        Assert.True(done, "Deliveries did not settle.\nA:\n" + cluster.A.Output + "\nB:\n" + cluster.B.Output);
        var rows = (await cluster.Db.WorkAsync(w => w.Connection.QueryAsync<(string Name, string Status, int Attempts, string? Error)>(new CommandDefinition("""
            SELECT t.name, n.status, n.attempts, n.last_error FROM notifications n JOIN webhook_targets t ON t.id = n.webhook_target_id
            WHERE n.unit_id = @unit AND n.reason = 'reminder' ORDER BY t.name
            """, new { unit }, w.Transaction)))).AsList();
        Assert.All(rows.Where(r => r.Name == "ok"), r => Assert.Equal(("sent", 1), (r.Status, r.Attempts)));
        Assert.All(rows.Where(r => r.Name == "fail"), r => Assert.Equal(("failed", 3, "HTTP 500"), (r.Status, r.Attempts, r.Error)));
        Assert.All(rows.Where(r => r.Name == "slow"), r => Assert.Equal(("failed", 3), (r.Status, r.Attempts)));
        Assert.All(rows.Where(r => r.Name == "slow"), r => Assert.StartsWith("timed out", r.Error, StringComparison.Ordinal));
        Assert.Equal(6, rows.Count);
        Assert.Equal(2, await CountAsync(unit, "sent", "reminder", "email"));
    }

    private IReadOnlyList<string> KeysAt(IReadOnlySet<string> keys) =>
        [.. cluster.Receiver.CallsTo("/ok").Select(c => c.IdempotencyKey).OfType<string>().Where(keys.Contains).Distinct()];

    private Task<string> StateAsync(Guid unit) => cluster.Db.WorkAsync(async w =>
        string.Join(", ", await w.Connection.QueryAsync<string>(new CommandDefinition("""
            SELECT 'reminder ' || status || ' ' || count(*) FROM reminders WHERE unit_id = @unit GROUP BY status
            UNION ALL SELECT 'notification ' || channel || ' ' || status || ' ' || count(*) FROM notifications WHERE unit_id = @unit GROUP BY channel, status
            UNION ALL SELECT 'trigger ' || trigger_name || ' ' || trigger_state || ' next ' || next_fire_time FROM qrtz_triggers
            UNION ALL SELECT 'node ' || instance_name || ' ' || last_checkin_time FROM qrtz_scheduler_state
            """, new { unit }, w.Transaction))));

    private async Task<IReadOnlyList<string>> MissedStatusesAsync() => (await cluster.Db.WorkAsync(w => w.Connection.QueryAsync<string>(new CommandDefinition(
        "SELECT status FROM reminders WHERE person_id = @person AND kind = 'shift'", new { person = cluster.MissedPerson }, w.Transaction)))).AsList();

    private async Task<(IReadOnlySet<string> Webhook, IReadOnlySet<string> Email)> ExpectedKeysAsync(Guid unit, Guid? except)
    {
        // The notifications every reminder of the live shifts must produce; those keys are what the receivers must see.
        var reminders = await cluster.Db.WorkAsync(w => w.Connection.QueryAsync<(Guid Id, long Due, Guid Person)>(new CommandDefinition("""
            SELECT id, floor(extract(epoch FROM due_at))::bigint, person_id FROM reminders WHERE unit_id = @unit AND kind = 'shift' AND person_id IS DISTINCT FROM @except
              AND (@except::uuid IS NULL OR offset_minutes = 1440)
            """, new { unit, except }, w.Transaction)));
        var target = await cluster.Db.WorkAsync(w => w.Connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
            "SELECT id FROM webhook_targets WHERE unit_id = @unit", new { unit }, w.Transaction)));
        var webhook = reminders.Select(r => $"reminder:{r.Id:N}.{r.Due}:webhook:{target}").ToHashSet();
        var email = reminders.Select(r => $"reminder.{r.Id:N}.{r.Due}.email.{r.Person}@roster").ToHashSet();
        return (webhook, email);
    }

    private Task<long> CountAsync(Guid unit, string status, string reason, string? channel = null) => cluster.Db.WorkAsync(w =>
        w.Connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT count(*) FROM notifications
            WHERE unit_id = @unit AND status = @status AND reason = @reason AND (@channel::text IS NULL OR channel = @channel)
            """, new { unit, status, reason, channel }, w.Transaction)));
}
