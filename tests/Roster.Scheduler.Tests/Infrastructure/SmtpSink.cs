using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Roster.Scheduler.Tests.Infrastructure;

/// <summary>
/// A real local SMTP server: Debian's python3-aiosmtpd (<c>/usr/bin/python3</c>; <c>./roster test</c> installs it) with the
/// Mailbox handler, which stores each message in a Maildir we read back.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpSink(Process process, int port, string dir)
    {
        _process = process;
        Port = port;
        Directory = dir;
    }

    public int Port { get; }

    public string Directory { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var port = Ports.Free();
        var dir = Path.Combine(Path.GetTempPath(), "roster-smtp-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", dir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        await Ports.WaitListeningAsync(port, TimeSpan.FromSeconds(20));
        return new SmtpSink(process, port, dir);
    }

    /// <summary>The Message-Id of every stored message (one entry per message, duplicates included).</summary>
    /// <remarks>Only Maildir's <c>new</c> and <c>cur</c>: a message is written under <c>tmp</c> and then moved, so a file
    /// listed there may be gone when it is read (a CI run failed on exactly that).</remarks>
    public IReadOnlyList<string> MessageIds()
    {
        string[] delivered = [Path.Combine(Directory, "new"), Path.Combine(Directory, "cur")];
        return [.. delivered.Where(System.IO.Directory.Exists)
            .SelectMany(d => System.IO.Directory.EnumerateFiles(d))
            .Select(f => MessageIdHeader().Match(File.ReadAllText(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value.Trim())];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    [GeneratedRegex(@"^Message-Id:\s*<([^>]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdHeader();
}
