using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using Roster.Core.Notifications;
using Roster.Core.Reminders;
using Roster.Core.Storage.Notifications;
using Roster.Scheduler.Notifications;

namespace Roster.Scheduler.Tests.Notifications;

public sealed class WebhookPayloadTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 31, 0, 0, 5);

    [Fact]
    public void Build_Generic_SignsTimestampAndBodyAndSendsTheIdempotencyKey()
    {
        var request = WebhookPayloads.Build(Notification(WebhookFormats.Generic, "s3cret"), Now);

        var timestamp = request.Headers["X-Roster-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes(timestamp + "." + request.Body)));
        Assert.Equal(expected, request.Headers["X-Roster-Signature"]);
        Assert.Equal("reminder:abc:webhook:t1", request.Headers["Idempotency-Key"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("reminder:abc:webhook:t1", body.RootElement.GetProperty("id").GetString());
        Assert.Equal(7, body.RootElement.GetProperty("data").GetProperty("n").GetInt32());
    }

    [Fact]
    public void Build_WeCom_IsATextMessageWithTitleAndBody()
    {
        var request = WebhookPayloads.Build(Notification(WebhookFormats.WeCom, null), Now);

        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("text", body.RootElement.GetProperty("msgtype").GetString());
        Assert.Equal("值班提醒\n正文 body", body.RootElement.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public void Build_DingTalkWithSecret_SignsTheUrlAsDingTalkDocumentsIt()
    {
        var request = WebhookPayloads.Build(Notification(WebhookFormats.DingTalk, "SEC1"), Now);

        var ms = Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("SEC1"), Encoding.UTF8.GetBytes(ms + "\nSEC1")));
        Assert.Contains($"timestamp={ms}&sign={Uri.EscapeDataString(sign)}", request.Url.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("https://oapi.example/robot/send?access_token=x&", request.Url.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FeishuWithSecret_CarriesTimestampAndSignInTheBody()
    {
        var request = WebhookPayloads.Build(Notification(WebhookFormats.Feishu, "SEC2"), Now);

        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("text", body.RootElement.GetProperty("msg_type").GetString());
        var seconds = body.RootElement.GetProperty("timestamp").GetString();
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(seconds + "\nSEC2"), Array.Empty<byte>()));
        Assert.Equal(sign, body.RootElement.GetProperty("sign").GetString());
    }

    [Theory]
    [InlineData("wecom", """{"errcode":93000,"errmsg":"invalid webhook url"}""", true)]
    [InlineData("dingtalk", """{"errcode":0,"errmsg":"ok"}""", false)]
    [InlineData("feishu", """{"code":19021,"msg":"sign match fail"}""", true)]
    [InlineData("generic", """{"errcode":1}""", false)]
    public void RobotError_NonZeroCode_IsAFailure(string format, string response, bool failed) =>
        Assert.Equal(failed, WebhookPayloads.RobotError(format, response) is not null);

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.8", true)]
    [InlineData("172.20.1.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700::1111", false)]
    public void IsPrivate_Address_RefusedUnlessPublic(string address, bool refused) =>
        Assert.Equal(refused, WebhookAddressPolicy.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("{person} {unit} {shift} {role} {start} {end} {offset} {next}", "")]
    [InlineData("{person} at {place}", "place")]
    [InlineData("{Person}", "Person")]
    public void UnknownPlaceholders_Template_NamesTheUnknownOnes(string template, string unknown) =>
        Assert.Equal(unknown.Length == 0 ? [] : [unknown], ReminderTemplate.UnknownPlaceholders(template));

    private static ClaimedNotification Notification(string format, string? secret) => new()
    {
        Id = 1, IdempotencyKey = "reminder:abc:webhook:t1", UnitId = Guid.NewGuid(), Channel = "webhook", Reason = "reminder",
        Title = "值班提醒", Body = "正文 body", Data = """{"n":7}""", DueAt = Now, Format = format, Secret = secret, TargetActive = true,
        Url = format == WebhookFormats.DingTalk ? "https://oapi.example/robot/send?access_token=x" : "https://hooks.example/x",
    };
}
