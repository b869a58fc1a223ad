using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using Roster.Api.Access;
using Roster.Core.Storage;
using Roster.Core.Storage.Auditing;

namespace Roster.Api.Auditing;

/// <summary>Records a write in the audit log, inside the same transaction as the write.</summary>
internal sealed class Auditor(AccessScope access, IClock clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public Task RecordAsync(
        DbWork work, Guid? unitId, string entity, object entityId, string action, object? before, object? after, CancellationToken ct) =>
        AuditStore.AppendAsync(work, new AuditEntry
        {
            At = clock.GetCurrentInstant(),
            ActorId = access.AccountId,
            UnitId = unitId,
            Entity = entity,
            EntityId = entityId.ToString() ?? "",
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, json.Value.SerializerOptions),
            After = after is null ? null : JsonSerializer.Serialize(after, json.Value.SerializerOptions),
        }, ct);
}
