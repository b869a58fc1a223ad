using Dapper;
using NodaTime;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Slots;
using Roster.Core.Storage.Gaps;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Units;

namespace Roster.Api.Tests.Gaps;

/// <summary>
/// Publishes a roster for school 1 in the demo period straight into the tables (the publish API is built elsewhere):
/// only the first slot of the first day is filled, by a qualified leader.
/// </summary>
internal static class PublishedRoster
{
    public sealed record Published(Guid PeriodId, Guid VersionId, ShiftSlot Filled, Guid PersonId, IReadOnlyList<ShiftSlot> FirstDay);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiFixture, Task<Published>> Once = [];

    /// <summary>Publishes once per fixture (database); later calls get the same roster.</summary>
    public static Task<Published> PublishFirstSlotAsync(ApiFixture fixture) => Once.GetValue(fixture, PublishAsync);

    private static Task<Published> PublishAsync(ApiFixture fixture) => fixture.WithWorkAsync(async w =>
    {
        var periodId = await w.Connection.ExecuteScalarAsync<Guid>("SELECT id FROM periods ORDER BY created_at LIMIT 1", transaction: w.Transaction);
        var period = (await PeriodStore.FindAsync(w, periodId, CancellationToken.None))!;
        var unit = (await UnitStore.FindAsync(w, fixture.School1Id, CancellationToken.None))!;
        var (slots, _) = await RequiredSlots.ExpandAsync(w, period, unit, new DateInterval(period.FirstDay, period.FirstDay), CancellationToken.None);
        var slot = slots.First(s => s.Role == "leader");
        var person = await w.Connection.ExecuteScalarAsync<Guid>(
            "SELECT id FROM people WHERE unit_id = @unit AND 'leader' = ANY(roles) AND active ORDER BY name LIMIT 1",
            new { unit = fixture.School1Id }, w.Transaction);
        var version = await w.Connection.ExecuteScalarAsync<Guid>("""
            INSERT INTO roster_versions (period_id, unit_id, number, status, created_at, published_at)
            VALUES (@periodId, @unit, 1, 'published', @now, @now) RETURNING id
            """, new { periodId, unit = fixture.School1Id, now = ApiFixture.Start }, w.Transaction);
        await w.Connection.ExecuteAsync("""
            INSERT INTO assignments (roster_version_id, slot_key, shift_code, role, duty_date, person_id, starts_at, ends_at)
            VALUES (@version, @key, @shift, @role, @date, @person, @start, @end)
            """, new { version, key = slot.Key, shift = slot.ShiftCode, role = slot.Role, date = slot.Date, person, start = slot.Start, end = slot.End },
            w.Transaction);
        return new Published(periodId, version, slot, person, slots);
    });

    public static Task<GapDetection> DetectAsync(ApiFixture fixture, Guid periodId, Instant now) =>
        fixture.WithWorkAsync(w => GapDetector.DetectAsync(w, fixture.School1Id, periodId, now, CancellationToken.None, Duration.FromDays(3)));
}
