namespace Roster.Api.Notifications;

/// <summary>A webhook target to add. <c>format</c>: generic, wecom, dingtalk or feishu. <c>secret</c> signs the calls (generated for generic when absent).</summary>
public sealed record WebhookTargetRequest(string? Name, string? Format, string? Url, string? Secret);
