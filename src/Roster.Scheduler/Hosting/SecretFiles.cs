using Microsoft.Extensions.Configuration;

namespace Roster.Scheduler.Hosting;

/// <summary>
/// Settings read from files, one per setting, named like environment variables (<c>ConnectionStrings__Roster</c>,
/// <c>Auth__SigningKey</c>): the form container secrets and systemd credentials take, so that no secret sits in the
/// environment (readable in /proc by the same user, and copied into every child process) or in a unit file.
/// </summary>
public static class SecretFiles
{
    /// <summary>The folder: <c>ROSTER_SECRETS_DIR</c>, else systemd's <c>CREDENTIALS_DIRECTORY</c>; none when neither is set.</summary>
    public static string? Folder =>
        Environment.GetEnvironmentVariable("ROSTER_SECRETS_DIR") is { Length: > 0 } folder ? folder
        : Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials ? credentials
        : null;

    /// <summary>Adds the folder's files as the last (strongest) configuration source.</summary>
    public static IConfigurationBuilder AddRosterSecretFiles(this IConfigurationBuilder configuration)
    {
        if (Folder is not { } folder)
        {
            return configuration;
        }

        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The secrets folder {folder} does not exist.");
        }

        return configuration.AddKeyPerFile(o =>
        {
            o.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(folder);
            o.Optional = false;
            o.SectionDelimiter = "__";
            // Hidden files and Kubernetes' ..data links are not settings.
            o.IgnoreCondition = name => name.StartsWith('.');
        });
    }
}
