using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>A background generation. Poll it until <c>status</c> is succeeded (see <c>versionId</c>), failed or cancelled.
/// A succeeded job whose roster still breaks a hard rule says so: <c>statistics.legal</c> false, <c>statistics.violations</c>
/// listing each broken rule, and <c>error</c> a note in Chinese and English.</summary>
public sealed record RosterJobResponse(
    Guid Id, Guid PeriodId, Guid UnitId, string Status, double Progress, int Seed, double Seconds, Instant CreatedAt,
    Instant? StartedAt, Instant? FinishedAt, Guid? VersionId, string? Error, JsonElement? Statistics)
{
    public static RosterJobResponse From(RosterJobRow row, Instant now)
    {
        // Progress of a running job is the share of its time limit used: the search always runs to its limit.
        var progress = row is { Status: "running", StartedAt: { } started } && row.Seconds > 0
            ? Math.Min(0.99, (now - started).TotalSeconds / row.Seconds)
            : row.Progress;
        JsonElement? statistics = null;
        if (row.Statistics is not null)
        {
            using var doc = JsonDocument.Parse(row.Statistics);
            statistics = doc.RootElement.Clone();
        }

        return new(row.Id, row.PeriodId, row.UnitId, row.Status, Math.Round(progress, 3), row.Seed, row.Seconds, row.CreatedAt,
            row.StartedAt, row.FinishedAt, row.VersionId, row.Error, statistics);
    }
}
