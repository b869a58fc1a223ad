using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Core.Rules;
using Roster.Core.Storage;
using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.Rosters;

/// <summary>
/// The HTTP side of publishing a unit's draft (Core's <see cref="DraftPublisher"/>), shared by the publish endpoint and by
/// the approval of a submitted roster: the same problems, audit entry and response.
/// </summary>
internal static class RosterPublisher
{
    /// <summary>The draft's hard-rule violations not explained by a forced assignment, as a 422; null when it may be published.</summary>
    public static async Task<ProblemHttpResult?> CheckAsync(
        DbWork work, PeriodRow period, UnitRow unit, RosterVersionRow draft, CancellationToken ct) =>
        await DraftPublisher.CheckAsync(work, period, unit, draft, ct) is { Count: > 0 } broken ? Broken(broken) : null;

    /// <summary>Publishes the unit's draft as <paramref name="actorId"/> and audits it; the caller commits.</summary>
    public static async Task<Found<PublishResponse>> PublishDraftAsync(
        DbWork work, PeriodRow period, UnitRow unit, Guid actorId, Auditor audit, IClock clock, JsonSerializerOptions json, CancellationToken ct)
    {
        switch (await DraftPublisher.PublishAsync(work, period, unit, actorId, clock, json, ct))
        {
            case PublishOutcome.Published(var previous, var version, var diff):
                await audit.RecordAsync(work, unit.Id, "roster", version.Id, "publish",
                    previous is null ? null : RosterVersionResponse.From(previous), new { version = version.Number, diff }, ct);
                return new PublishResponse(RosterVersionResponse.From(version), diff);
            case PublishOutcome.Broken(var broken):
                return Broken(broken);
            default:
                return ApiProblems.Conflict("There is no draft to publish; generate or edit the roster first.");
        }
    }

    private static ProblemHttpResult Broken(IReadOnlyList<RuleViolation> unexplained) =>
        TypedResults.Problem(statusCode: 422, title: "The draft breaks hard rules",
            detail: "Fix these, or force them with a reason, before publishing.",
            extensions: new Dictionary<string, object?> { ["violations"] = unexplained.Select(RosterViews.Violation).ToList() });
}
