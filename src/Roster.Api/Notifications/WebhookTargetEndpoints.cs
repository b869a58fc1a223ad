using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Notifications;
using Roster.Core.Storage.Notifications;
using Roster.Scheduler.Hosting;

namespace Roster.Api.Notifications;

/// <summary>A unit's webhook targets (group robots and generic receivers); admins of the unit only.</summary>
internal static class WebhookTargetEndpoints
{
    public static void MapWebhookTargets(this ApiGroups groups)
    {
        groups.Work.MapGet("/units/{unitId:guid}/webhook-targets", ListAsync).WithTags("Notifications");
        groups.Work.MapPost("/units/{unitId:guid}/webhook-targets", CreateAsync).WithTags("Notifications");
        groups.Work.MapDelete("/webhook-targets/{id:guid}", DeleteAsync).WithTags("Notifications");
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookTargetResponse>>, ProblemHttpResult>> ListAsync(
        Guid unitId, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var rows = await WebhookTargetStore.ListAsync(work, unitId, ct);
        return TypedResults.Ok<IReadOnlyList<WebhookTargetResponse>>([.. rows.Select(r => WebhookTargetResponse.From(r))]);
    }

    private static async Task<Results<Created<WebhookTargetResponse>, ProblemHttpResult>> CreateAsync(
        Guid unitId, WebhookTargetRequest request, AccessScope access, Auditor audit, IClock clock, IOptions<SchedulerOptions> options,
        RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of this unit may manage its webhook targets.");
        }

        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 100);
        if (request.Format is null || !WebhookFormats.All.Contains(request.Format))
        {
            errors.Add("format", "must be one of " + string.Join(", ", WebhookFormats.All));
        }

        var secret = errors.OptionalText("secret", request.Secret, 200);
        if (await WebhookUrlCheck.ProblemAsync(request.Url, options.Value.AllowPrivateWebhooks, ct) is { } urlProblem)
        {
            errors.Add("url", urlProblem);
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        if (secret is null && request.Format == WebhookFormats.Generic)
        {
            secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        }

        var row = await WebhookTargetStore.InsertAsync(work, new WebhookTargetRow
        {
            UnitId = unitId, Name = name, Format = request.Format!, Url = request.Url!, Secret = secret, Active = true,
            CreatedAt = clock.GetCurrentInstant(),
        }, ct);
        // The audit keeps the target without its secret.
        await audit.RecordAsync(work, unitId, "webhook-target", row.Id, "create", null, WebhookTargetResponse.From(row), ct);
        return TypedResults.Created($"/api/v1/units/{unitId}/webhook-targets", WebhookTargetResponse.From(row, withSecret: true));
    }

    /// <summary>Deactivates the target (its delivery log stays); pending notifications to it fail on their next attempt.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var target = await WebhookTargetStore.FindAsync(work, id, ct);
        if (target is null || !await access.CanAdministerAsync(work, target.UnitId, ct))
        {
            return ApiProblems.NotFound("webhook target");
        }

        await WebhookTargetStore.DeactivateAsync(work, id, ct);
        await audit.RecordAsync(work, target.UnitId, "webhook-target", id, "delete", WebhookTargetResponse.From(target), null, ct);
        return TypedResults.NoContent();
    }
}
