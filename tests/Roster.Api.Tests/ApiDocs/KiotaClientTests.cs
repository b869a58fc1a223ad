using Roster.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Roster.Api.Tests.ApiDocs;

/// <summary>
/// A client Kiota generates from the live document (the local dotnet tool in .config/dotnet-tools.json) drives one
/// scenario over real HTTP: sign in, generate, publish, read the roster, list gaps, read a problem on 404, with every
/// instant read equal to the wire's (tests/OpenApi/KiotaScenario).
/// </summary>
public sealed class KiotaClientTests : IAsyncLifetime
{
    private readonly ApiFixture _api = ApiFixture.OnRealPort();
    private readonly ITestOutputHelper _output;

    public KiotaClientTests(ITestOutputHelper output) => _output = output;

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task GeneratedClient_DrivesTheRosterScenario()
    {
        var root = ExternalTool.RepositoryRoot;
        var project = Path.Combine(root, "tests", "OpenApi", "KiotaScenario");
        var generated = Path.Combine(project, "Generated");
        var document = Path.Combine(Path.GetTempPath(), $"roster-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await _api.AnonymousClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var quiet = new Dictionary<string, string>
        {
            ["KIOTA_UPDATE_DISABLED"] = "true", ["KIOTA_TUTORIAL_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1",
        };
        try
        {
            await StepAsync("dotnet", ["tool", "restore"], root, quiet);
            await StepAsync("dotnet", ["tool", "run", "kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", generated,
                "--class-name", "RosterClient", "--namespace-name", "Roster.Client", "--exclude-backward-compatible", "--clean-output",
                "--log-level", "Warning"], root, quiet);
            await StepAsync("dotnet", ["build", project, "-c", "Debug", "-v", "q", "-nologo"], root, quiet);
            var program = Path.Combine(project, "bin", "Debug", "net10.0", "KiotaScenario.dll");
            var text = await StepAsync("dotnet", [program, _api.BaseAddress.ToString(), "admin", ApiFixture.Password], root, quiet);
            Assert.Contains("kiota scenario passed", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(document);
        }
    }

    private async Task<string> StepAsync(string program, string[] arguments, string folder, Dictionary<string, string> environment)
    {
        var (exit, text) = await ExternalTool.RunAsync(program, arguments, folder, TimeSpan.FromMinutes(5), environment);
        _output.WriteLine($"$ {program} {string.Join(' ', arguments.Take(3))} → {exit}\n{text}");
        Assert.True(exit == 0, $"{program} {string.Join(' ', arguments.Take(3))} failed ({exit}):\n{text}");
        return text;
    }
}
