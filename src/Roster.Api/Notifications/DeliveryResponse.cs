using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Notifications;

namespace Roster.Api.Notifications;

/// <summary>An outgoing notification in the delivery log, with every attempt.</summary>
public sealed record DeliveryResponse(
    long Id, Guid UnitId, string Channel, string Reason, string IdempotencyKey, string? Recipient, string Status, int Attempts,
    Instant DueAt, Instant? SentAt, string? LastError, JsonElement AttemptLog)
{
    public static DeliveryResponse From(DeliveryRow row)
    {
        using var log = JsonDocument.Parse(row.AttemptLog);
        return new(row.Id, row.UnitId, row.Channel, row.Reason, row.IdempotencyKey, row.Recipient, row.Status, row.Attempts,
            row.DueAt, row.SentAt, row.LastError, log.RootElement.Clone());
    }
}
