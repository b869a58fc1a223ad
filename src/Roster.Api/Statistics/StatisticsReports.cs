using System.Security.Cryptography;
using System.Text.Json;
using Roster.Core.Statistics;
using Roster.Core.Storage;
using Roster.Core.Storage.Statistics;

namespace Roster.Api.Statistics;

/// <summary>Builds a monthly report: the current figures as a draft, or the frozen ones of a confirmed month with corrections.</summary>
internal static class StatisticsReports
{
    public static async Task<(StatisticsReportResponse Report, IReadOnlyList<PersonStatisticsResponse> Current, string ETag)> BuildAsync(
        DbWork work, StatisticsScope scope, ReportMonth month, JsonSerializerOptions json, CancellationToken ct)
    {
        var current = await DutyStatistics.ByPersonAsync(work, scope.Units, month.First, month.Last, null, ct);
        var row = await StatisticsReportStore.FindAsync(work, scope.Root.Id, month.First, ct);
        if (row is null)
        {
            var draft = Response(scope, month, StatisticsReportState.Draft, null, current, []);
            return (draft, current, DraftTag(current, json));
        }

        var confirmed = JsonSerializer.Deserialize<ReportSnapshot>(row.Snapshot, json)?.People ?? [];
        var report = Response(scope, month, row.State, row, confirmed, PersonFigures.Corrections(confirmed, current));
        return (report, current, $"\"confirmed-{row.Version}\"");
    }

    /// <summary>The draft's ETag names its figures: confirming with it confirms exactly what was read.</summary>
    public static string DraftTag(IReadOnlyList<PersonStatisticsResponse> people, JsonSerializerOptions json) =>
        $"\"draft-{Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(people, json)).AsSpan(0, 16))}\"";

    private static StatisticsReportResponse Response(
        StatisticsScope scope, ReportMonth month, StatisticsReportState state, StatisticsReportRow? row, IReadOnlyList<PersonStatisticsResponse> people,
        IReadOnlyList<StatisticsCorrection> corrections) =>
        new(scope.Root.Id, scope.Root.Name, month.Text, month.First, month.Last, state.Code, StatisticsGrouping.Currency, row?.ConfirmedAt,
            row?.ConfirmedBy, people, StatisticsTotals.Of(people), corrections);
}
