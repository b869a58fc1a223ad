using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Notifications;

namespace Roster.Api.Notifications;

/// <summary>A message in the signed-in account's inbox; title and body carry Chinese and English.</summary>
public sealed record InboxResponse(long Id, Guid UnitId, string Reason, string Title, string Body, JsonElement Data, Instant CreatedAt, Instant? ReadAt)
{
    public static InboxResponse From(InboxRow row)
    {
        using var data = JsonDocument.Parse(row.Data);
        return new(row.Id, row.UnitId, row.Reason, row.Title, row.Body, data.RootElement.Clone(), row.CreatedAt, row.ReadAt);
    }
}
