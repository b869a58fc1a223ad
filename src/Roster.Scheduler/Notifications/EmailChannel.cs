using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Roster.Core.Storage.Notifications;
using Roster.Scheduler.Hosting;

namespace Roster.Scheduler.Notifications;

/// <summary>Sends a notification as email over SMTP. The Message-Id is the idempotency key, so a re-send is recognisable.</summary>
internal sealed class EmailChannel(IOptions<SchedulerOptions> options)
{
    public async Task<DeliveryOutcome> SendAsync(ClaimedNotification n, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(n.Address))
        {
            return DeliveryOutcome.Failed("no email address");
        }

        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(MailboxAddress.Parse(n.Address));
        message.Subject = n.Title;
        message.MessageId = n.IdempotencyKey.Replace(':', '.') + "@roster";
        message.Headers.Add("X-Roster-Idempotency-Key", n.IdempotencyKey);
        message.Body = new TextPart("plain") { Text = n.Body };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.DeliveryTimeout);
        using var client = new SmtpClient { Timeout = (int)options.Value.DeliveryTimeout.TotalMilliseconds };
        try
        {
            // Credentials never cross the wire in clear: with a user name, STARTTLS is required (the send fails without it).
            var security = !string.IsNullOrEmpty(smtp.Username) ? SecureSocketOptions.StartTls
                : smtp.StartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None;
            await client.ConnectAsync(smtp.Host, smtp.Port, security, timeout.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", timeout.Token);
            }

            var response = await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(true, timeout.Token);
            return DeliveryOutcome.Ok("smtp: " + response);
        }
        catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or OperationCanceledException
            or System.Net.Sockets.SocketException or AuthenticationException or ParseException or NotSupportedException)
        {
            return DeliveryOutcome.Failed("smtp: " + e.Message);
        }
    }
}
