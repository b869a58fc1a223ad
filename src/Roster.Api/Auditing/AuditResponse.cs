using System.Text.Json;
using NodaTime;
using Roster.Core.Storage.Auditing;

namespace Roster.Api.Auditing;

/// <summary>One recorded write, with the entity before and after (null where it did not exist).</summary>
public sealed record AuditResponse(
    long Id, Instant At, Guid? ActorId, Guid? UnitId, string Entity, string EntityId, string Action, JsonElement? Before, JsonElement? After)
{
    public static AuditResponse From(AuditEntry e) =>
        new(e.Id, e.At, e.ActorId, e.UnitId, e.Entity, e.EntityId, e.Action, Parse(e.Before), Parse(e.After));

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
