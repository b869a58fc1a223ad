namespace Roster.Scheduler.Tests.Infrastructure;

/// <summary>One call the webhook receiver got.</summary>
public sealed record ReceivedCall(string Path, string? IdempotencyKey, bool SignatureValid, string Body);
