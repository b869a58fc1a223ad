using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Roster.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own (initdb, pg_ctl), made the way <c>./roster</c> makes its cluster: as the postgres
/// user when the tests run as root, password authentication, 127.0.0.1 on a free port. The suite's shared cluster must
/// never be stopped; this one may be stopped and started at will. Disposing it stops it and removes its folder.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private const string Superuser = "roster";
    private static readonly bool IsRoot = Environment.UserName == "root";

    private readonly string _bin;
    private readonly string _folder;
    private readonly string _password;

    private PrivateCluster(string bin, string folder, int port, string password)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _password = password;
    }

    public int Port { get; }

    /// <summary>The cluster's superuser on the <c>postgres</c> database (what <c>ConnectionStrings:Admin</c> is in production).</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = Superuser, Password = _password, Database = "postgres", Pooling = false, Timeout = 5,
    }.ConnectionString;

    /// <summary>A login of this cluster (as a role the test made) on a database.</summary>
    public string ConnectionString(string username, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = username, Password = password, Database = database,
    }.ConnectionString;

    /// <summary>One value read with a fresh, unpooled connection.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        return (await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters))!;
    }

    public static async Task<PrivateCluster> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL's initdb was not found under /usr/lib/postgresql (./roster test installs it).");
        }

        // As root the folder is made by postgres itself (0700, a random name), so nothing root follows was planted by others.
        var folder = IsRoot
            ? (await RunAsync(["mktemp", "-d", Path.Combine(Path.GetTempPath(), "roster-test-pg-XXXXXXXX")])).Trim()
            : Directory.CreateTempSubdirectory("roster-test-pg-").FullName;
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var cluster = new PrivateCluster(bin, folder, FreePort(), password);
        try
        {
            var pwfile = Path.Combine(folder, "pw");
            await File.WriteAllTextAsync(pwfile, password);
            await RunAsync([Path.Combine(bin, "initdb"), "-D", cluster.Data, "-U", Superuser, "--pwfile=" + pwfile, "--auth=scram-sha-256",
                "-E", "UTF8", "--locale=C.UTF-8"]);
            File.Delete(pwfile);
            await RunAsync(["mkdir", Path.Combine(folder, "run")]);
            await cluster.StartAgainAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Starts the cluster and returns once it accepts connections (pg_ctl -w).</summary>
    public Task StartAgainAsync() => RunAsync([Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {Path.Combine(_folder, "run")} -c fsync=off -c max_connections=100", "start"]);

    /// <summary>Stops the cluster as a service restart does (fast: open sessions are ended, their transactions rolled back).</summary>
    public Task StopAsync() => RunAsync([Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "fast", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            {
                await RunAsync([Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Runs a command as the postgres user (when root) from a folder postgres may enter; throws on a non-zero exit.</summary>
    private static async Task<string> RunAsync(IReadOnlyList<string> command)
    {
        var start = new ProcessStartInfo(IsRoot ? "runuser" : command[0])
        {
            WorkingDirectory = "/",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in IsRoot ? command : command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }

        return await stdout;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
