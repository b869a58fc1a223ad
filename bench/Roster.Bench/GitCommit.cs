using System.Diagnostics;

namespace Roster.Bench;

/// <summary>The commit the bench was built from, as git names it in the repository around the working folder, with
/// "+dirty" when tracked files differ from it; "unknown" outside a repository.</summary>
internal static class GitCommit
{
    public static string Describe()
    {
        var head = Git("rev-parse --short=12 HEAD");
        if (head is null)
        {
            return "unknown";
        }
        var changes = Git("status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(changes) ? head : head + "-dirty";
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
