using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Rosters;

namespace Roster.Api.Rosters;

/// <summary>
/// A background generation. Poll it until <c>status</c> is succeeded (see <c>versionId</c>), failed or cancelled.
/// <c>kind</c> <c>subtree</c> is a parent over one unit job per unit (<c>children</c>); its progress is theirs on average.
/// <c>attempt</c> counts the workers that took it (a worker that stopped answering costs one); <c>worker</c> runs it now.
/// A succeeded job whose roster still breaks a hard rule says so: <c>statistics.legal</c> false, <c>statistics.violations</c>
/// listing each broken rule, and <c>error</c> a note in Chinese and English.
/// </summary>
public sealed record RosterJobResponse(
    Guid Id, string Kind, Guid? ParentId, Guid PeriodId, Guid UnitId, string Status, double Progress, int Seed, double Seconds,
    double? StallSeconds, int Attempt, string? Worker, Instant CreatedAt, Instant? StartedAt, Instant? FinishedAt, Guid? VersionId,
    string? Error, JsonElement? Statistics, IReadOnlyList<RosterJobResponse>? Children = null)
{
    public static RosterJobResponse From(RosterJobRow row, IReadOnlyList<RosterJobRow>? children = null)
    {
        JsonElement? statistics = null;
        if (row.Statistics is not null)
        {
            using var doc = JsonDocument.Parse(row.Statistics);
            statistics = doc.RootElement.Clone();
        }

        return new(row.Id, row.Kind, row.ParentId, row.PeriodId, row.UnitId, row.Status.Code, Math.Round(row.Progress, 3), row.Seed, row.Seconds,
            row.StallSeconds, row.Attempt, row.Worker, row.CreatedAt, row.StartedAt, row.FinishedAt, row.VersionId, row.Error, statistics,
            children?.Select(c => From(c)).ToList());
    }
}
