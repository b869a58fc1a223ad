using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Roster.Core.Notifications;
using Roster.Core.Storage.Notifications;

namespace Roster.Scheduler.Notifications;

/// <summary>
/// Builds the body of a webhook call in the target's format. Generic calls carry <c>Idempotency-Key</c> and an
/// HMAC-SHA256 signature over <c>timestamp + "." + body</c> in <c>X-Roster-Signature: sha256=&lt;hex&gt;</c>; the robot
/// formats sign as DingTalk and Feishu document it when the target has a secret.
/// </summary>
internal static class WebhookPayloads
{
    public const string SignatureHeader = "X-Roster-Signature";
    public const string TimestampHeader = "X-Roster-Timestamp";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static WebhookRequest Build(ClaimedNotification n, Instant now)
    {
        ArgumentNullException.ThrowIfNull(n);
        var url = new Uri(n.Url ?? throw new InvalidOperationException("The notification has no webhook URL."));
        var text = n.Title + "\n" + n.Body;
        var seconds = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [IdempotencyHeader] = n.IdempotencyKey };
        string body;
        switch (n.Format)
        {
            case WebhookFormats.WeCom:
                body = Serialize(new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text } });
                break;
            case WebhookFormats.DingTalk:
                body = Serialize(new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text } });
                if (!string.IsNullOrEmpty(n.Secret))
                {
                    var ms = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                    var sign = Convert.ToBase64String(Hmac(n.Secret, ms + "\n" + n.Secret));
                    url = new Uri(url + (url.Query.Length > 0 ? "&" : "?") + "timestamp=" + ms + "&sign=" + Uri.EscapeDataString(sign));
                }

                break;
            case WebhookFormats.Feishu:
                var feishu = new JsonObject { ["msg_type"] = "text", ["content"] = new JsonObject { ["text"] = text } };
                if (!string.IsNullOrEmpty(n.Secret))
                {
                    feishu["timestamp"] = seconds;
                    feishu["sign"] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(seconds + "\n" + n.Secret), Array.Empty<byte>()));
                }

                body = Serialize(feishu);
                break;
            default:
                body = Serialize(new JsonObject
                {
                    ["id"] = n.IdempotencyKey,
                    ["reason"] = n.Reason,
                    ["unitId"] = n.UnitId.ToString(),
                    ["title"] = n.Title,
                    ["text"] = n.Body,
                    ["dueAt"] = n.DueAt.ToString(),
                    ["data"] = JsonNode.Parse(n.Data),
                });
                headers[TimestampHeader] = seconds;
                if (!string.IsNullOrEmpty(n.Secret))
                {
                    headers[SignatureHeader] = "sha256=" + Convert.ToHexStringLower(Hmac(n.Secret, seconds + "." + body));
                }

                break;
        }

        return new WebhookRequest(url, body, headers);
    }

    /// <summary>The robots answer 200 with an error code in the body; a non-zero code is a failed delivery.</summary>
    public static string? RobotError(string? format, string responseBody)
    {
        if (format == WebhookFormats.Generic || string.IsNullOrWhiteSpace(responseBody))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(responseBody);
            var code = node?["errcode"] ?? node?["code"];
            return code is not null && code.ToString() != "0" ? "robot answered " + responseBody : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static byte[] Hmac(string secret, string text) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));

    private static string Serialize(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
