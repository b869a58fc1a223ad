using NodaTime;

namespace Roster.Core.Storage.Idempotency;

/// <summary>A creating request sent with an Idempotency-Key, and its answer once it has one.</summary>
public sealed class IdempotentRequestRow
{
    public Guid AccountId { get; init; }

    public string Key { get; init; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with another request is a client error.</summary>
    public byte[] Fingerprint { get; init; } = [];

    public Instant CreatedAt { get; init; }

    /// <summary>Null while the first request runs.</summary>
    public int? Status { get; init; }

    public string? ContentType { get; init; }

    public string? Location { get; init; }

    public byte[]? Body { get; init; }
}
