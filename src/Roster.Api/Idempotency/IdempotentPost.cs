namespace Roster.Api.Idempotency;

/// <summary>Endpoint metadata: this creating POST honours an <c>Idempotency-Key</c> header (see <see cref="IdempotencyMiddleware"/>).</summary>
internal sealed class IdempotentPost
{
    public static readonly IdempotentPost Instance = new();
}
