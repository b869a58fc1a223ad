using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Deployment;

/// <summary>deploy/compose.yaml (read by a real YAML parser) and the systemd units: the topology and the hardening.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Deploy = Path.Combine(ExternalTool.RepositoryRoot, "deploy");

    [Fact]
    public async Task Compose_RunsPostgresOneApiAndTwoSchedulerNodes_FromTheImage_WithSecretsOnlyAsFiles()
    {
        var compose = await ComposeAsync();
        var services = compose.GetProperty("services");
        Assert.Equal(["api", "migrate", "postgres", "scheduler-1", "scheduler-2"], services.EnumerateObject().Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("postgres:", services.GetProperty("postgres").GetProperty("image").GetString(), StringComparison.Ordinal);

        string[] roster = ["api", "scheduler-1", "scheduler-2", "migrate"];
        foreach (var name in roster)
        {
            var service = services.GetProperty(name);
            Assert.Equal("roster:latest", service.GetProperty("image").GetString());
            Assert.True(service.GetProperty("read_only").GetBoolean(), name);
            Assert.Contains("ALL", service.GetProperty("cap_drop").EnumerateArray().Select(c => c.GetString()));
            var environment = service.GetProperty("environment").EnumerateObject().ToList();
            Assert.Equal("/run/secrets", environment.Single(e => e.Name == "ROSTER_SECRETS_DIR").Value.GetString());
            Assert.DoesNotContain(environment, e => e.Name.Contains("ConnectionStrings", StringComparison.Ordinal)
                || e.Name.Contains("SigningKey", StringComparison.Ordinal) || e.Name.Contains("Token", StringComparison.Ordinal)
                || e.Name.Contains("Password", StringComparison.Ordinal));
            Assert.Contains(service.GetProperty("secrets").EnumerateArray(), s => s.GetProperty("target").GetString() == "ConnectionStrings__Roster");
        }

        Assert.Equal("false", services.GetProperty("api").GetProperty("environment").GetProperty("Scheduler__Enabled").GetString());
        var names = roster[1..3].Select(n => services.GetProperty(n)).Select(s =>
        {
            Assert.Equal(["scheduler"], s.GetProperty("command").EnumerateArray().Select(c => c.GetString()));
            return s.GetProperty("environment").GetProperty("Scheduler__InstanceName").GetString();
        }).ToList();
        Assert.Equal(2, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(compose.GetProperty("secrets").EnumerateObject(),
            s => Assert.StartsWith("./secrets/", s.Value.GetProperty("file").GetString(), StringComparison.Ordinal));
    }

    /// <summary>
    /// The owner/application split of <c>./roster</c>: only the one-shot migrate service holds the superuser's and the
    /// owner's connection strings; the long-running services hold the application role's alone and start after it.
    /// The connection strings are the ones deploy/make-secrets.sh writes, read back from a copy of the folder.
    /// </summary>
    [Fact]
    public async Task Compose_SplitsTheDatabaseLogins_OwnerAndSuperuserOnlyInTheMigrateStep()
    {
        var services = (await ComposeAsync()).GetProperty("services");
        static List<string> Targets(JsonElement service) => service.TryGetProperty("secrets", out var secrets)
            ? secrets.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString()! : s.GetProperty("target").GetString()!).ToList()
            : [];

        var migrate = services.GetProperty("migrate");
        Assert.Equal(["migrate"], migrate.GetProperty("command").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("no", migrate.GetProperty("restart").GetString());
        Assert.Equal("true", migrate.GetProperty("environment").GetProperty("Roster__CreateDatabase").GetString());
        Assert.Equal(["ConnectionStrings__Admin", "ConnectionStrings__Migrations", "ConnectionStrings__Roster"], Targets(migrate).Order(StringComparer.Ordinal));
        foreach (var name in new[] { "api", "scheduler-1", "scheduler-2" })
        {
            var service = services.GetProperty(name);
            Assert.DoesNotContain(Targets(service), t => t is "ConnectionStrings__Admin" or "ConnectionStrings__Migrations");
            Assert.Equal("service_completed_successfully", service.GetProperty("depends_on").GetProperty("migrate").GetProperty("condition").GetString());
        }

        Assert.Equal("false", services.GetProperty("api").GetProperty("environment").GetProperty("Roster__Migrate").GetString());
        // PostgreSQL itself gets the superuser's password only; no init script makes a role that owns the database.
        var postgres = services.GetProperty("postgres");
        Assert.Equal(["pg_superuser_password"], Targets(postgres));
        Assert.False(postgres.TryGetProperty("volumes", out var volumes) && volumes.EnumerateArray().Any(v => v.GetString()!.Contains("initdb", StringComparison.Ordinal)));

        var copy = Directory.CreateTempSubdirectory("roster-deploy-");
        try
        {
            File.Copy(Path.Combine(Deploy, "make-secrets.sh"), Path.Combine(copy.FullName, "make-secrets.sh"));
            var (exitCode, output) = await ExternalTool.RunAsync("bash", [Path.Combine(copy.FullName, "make-secrets.sh")], copy.FullName, TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, output);
            var files = (await ComposeAsync()).GetProperty("secrets").EnumerateObject()
                .ToDictionary(s => s.Name, s => Path.Combine(copy.FullName, s.Value.GetProperty("file").GetString()!), StringComparer.Ordinal);
            Npgsql.NpgsqlConnectionStringBuilder Login(string secret) => new(File.ReadAllText(files[secret]));
            var (admin, owner, app) = (Login("roster_admin_connection"), Login("roster_owner_connection"), Login("roster_connection"));
            Assert.Equal("postgres", admin.Username);
            Assert.Equal(await File.ReadAllTextAsync(files["pg_superuser_password"]), admin.Password);
            Assert.Equal(("roster_owner", "roster"), (owner.Username, owner.Database));
            Assert.Equal(("roster_app", "roster"), (app.Username, app.Database));
            Assert.NotEqual(owner.Password, app.Password);
            foreach (var file in files.Values.Where(_ => OperatingSystem.IsLinux()))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsLinux() ? File.GetUnixFileMode(file) : default);
            }
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("roster-api.service")]
    [InlineData("roster-scheduler@.service")]
    public async Task SystemdUnit_RunsAsAThrowAwayUser_WithAReadOnlySystem_AndCredentialsForSecrets(string unit)
    {
        var lines = (await File.ReadAllLinesAsync(Path.Combine(Deploy, "systemd", unit)))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .ToList();
        string Single(string key) => Assert.Single(lines, l => l.Key == key).Value;

        Assert.Equal("yes", Single("DynamicUser"));
        Assert.Equal("strict", Single("ProtectSystem"));
        Assert.Equal("yes", Single("ProtectHome"));
        Assert.Equal("yes", Single("NoNewPrivileges"));
        Assert.Equal("yes", Single("PrivateTmp"));
        Assert.Equal("", Single("CapabilityBoundingSet"));
        Assert.Equal("0077", Single("UMask"));
        Assert.StartsWith("/opt/roster/Roster.Api", Single("ExecStart"), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Key == "LoadCredential" && l.Value.StartsWith("ConnectionStrings__Roster:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Key == "Environment"
            && (l.Value.Contains("Password", StringComparison.Ordinal) || l.Value.Contains("SigningKey", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Key is "User" or "MemoryDenyWriteExecute");
    }

    private static async Task<JsonElement> ComposeAsync()
    {
        var (exitCode, output) = await ExternalTool.RunAsync("/usr/bin/python3",
            ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", Path.Combine(Deploy, "compose.yaml")],
            Deploy, TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, output);
        return JsonSerializer.Deserialize<JsonElement>(output);
    }
}
