namespace Roster.Scheduler.Notifications;

/// <summary>A webhook call ready to send: where, the JSON body, and the headers beyond Content-Type.</summary>
internal sealed record WebhookRequest(Uri Url, string Body, IReadOnlyDictionary<string, string> Headers);
