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
        Assert.Equal(["api", "postgres", "scheduler-1", "scheduler-2"], services.EnumerateObject().Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("postgres:", services.GetProperty("postgres").GetProperty("image").GetString(), StringComparison.Ordinal);

        string[] roster = ["api", "scheduler-1", "scheduler-2"];
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
        var names = roster[1..].Select(n => services.GetProperty(n)).Select(s =>
        {
            Assert.Equal(["scheduler"], s.GetProperty("command").EnumerateArray().Select(c => c.GetString()));
            return s.GetProperty("environment").GetProperty("Scheduler__InstanceName").GetString();
        }).ToList();
        Assert.Equal(2, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(compose.GetProperty("secrets").EnumerateObject(),
            s => Assert.StartsWith("./secrets/", s.Value.GetProperty("file").GetString(), StringComparison.Ordinal));
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
