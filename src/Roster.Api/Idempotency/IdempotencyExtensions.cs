namespace Roster.Api.Idempotency;

/// <summary>Marks creating POSTs whose retries must not write twice.</summary>
internal static class IdempotencyExtensions
{
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder.WithMetadata(IdempotentPost.Instance);
}
