namespace Roster.Scheduler.Hosting;

/// <summary>The SMTP relay for email notifications.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    /// <summary>Use STARTTLS when the server offers it.</summary>
    public bool StartTls { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "roster@localhost";

    public string FromName { get; set; } = "值班提醒 Roster";
}
