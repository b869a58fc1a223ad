namespace Roster.Core.Notifications;

/// <summary>The body formats a webhook target accepts.</summary>
public static class WebhookFormats
{
    /// <summary>Our JSON, signed with HMAC-SHA256 (<c>X-Roster-Signature</c>) and carrying <c>Idempotency-Key</c>.</summary>
    public const string Generic = "generic";

    /// <summary>企业微信 group robot.</summary>
    public const string WeCom = "wecom";

    /// <summary>钉钉 group robot (optional signing secret).</summary>
    public const string DingTalk = "dingtalk";

    /// <summary>飞书 group robot (optional signing secret).</summary>
    public const string Feishu = "feishu";

    public static readonly IReadOnlyList<string> All = [Generic, WeCom, DingTalk, Feishu];
}
