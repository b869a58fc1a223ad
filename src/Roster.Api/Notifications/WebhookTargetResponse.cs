using NodaTime;
using Roster.Core.Storage.Notifications;

namespace Roster.Api.Notifications;

/// <summary>A unit's webhook target. <c>secret</c> is shown once, in the answer to its creation.</summary>
public sealed record WebhookTargetResponse(Guid Id, Guid UnitId, string Name, string Format, string Url, bool Active, Instant CreatedAt, string? Secret)
{
    public static WebhookTargetResponse From(WebhookTargetRow row, bool withSecret = false) =>
        new(row.Id, row.UnitId, row.Name, row.Format, row.Url, row.Active, row.CreatedAt, withSecret ? row.Secret : null);
}
