using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Deployment;

/// <summary>
/// The image <c>dotnet publish /t:PublishContainer</c> builds, as the SDK computes it (ComputeContainerConfig: the same
/// target the publish runs before it pulls the base image, so no registry is needed to check it).
/// </summary>
public sealed class ContainerImageTests
{
    private static readonly Lazy<Task<JsonElement>> Config = new(ComputeAsync);

    [Fact]
    public async Task Entrypoint_RunsTheApiDll_FromApp()
    {
        var config = await Config.Value;
        Assert.Equal("Entrypoint", Property(config, "ContainerAppCommandInstruction"));
        Assert.Equal(["dotnet", "/app/Roster.Api.dll"], Items(config, "ContainerAppCommand").Select(i => i.GetProperty("Identity").GetString()));
        Assert.Equal("/app/", Property(config, "ContainerWorkingDirectory"));
    }

    [Fact]
    public async Task Port8080_IsExposed_AndKestrelListensOnIt()
    {
        var config = await Config.Value;
        var port = Assert.Single(Items(config, "ContainerPort"));
        Assert.Equal("8080", port.GetProperty("Identity").GetString());
        Assert.Equal("tcp", port.GetProperty("Type").GetString());
        Assert.Contains(Items(config, "ContainerEnvironmentVariables"),
            v => v.GetProperty("Identity").GetString() == "ASPNETCORE_HTTP_PORTS" && v.GetProperty("Value").GetString() == "8080");
    }

    [Fact]
    public async Task User_IsTheBaseImagesUnprivilegedUser_ByNumber()
    {
        var user = Property(await Config.Value, "ContainerUser");
        Assert.True(int.TryParse(user, out var uid), $"ContainerUser '{user}' is not numeric");
        Assert.NotEqual(0, uid);
    }

    [Fact]
    public async Task Labels_NameTheImageItsBaseAndItsRuntime()
    {
        var config = await Config.Value;
        var labels = Items(config, "ContainerLabel")
            .GroupBy(l => l.GetProperty("Identity").GetString()!)
            .ToDictionary(g => g.Key, g => g.Last().GetProperty("Value").GetString(), StringComparer.Ordinal);
        Assert.Equal("Roster", labels["org.opencontainers.image.title"]);
        Assert.Contains("scheduler", labels["org.opencontainers.image.description"], StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", labels["org.opencontainers.image.base.name"]);
        Assert.Equal("10.0", labels["net.dot.runtime.majorminor"]);
        Assert.True(DateTimeOffset.TryParse(labels["org.opencontainers.image.created"], out _));
        Assert.Equal("roster", Property(config, "ContainerRepository"));
    }

    private static string? Property(JsonElement config, string name) => config.GetProperty("Properties").GetProperty(name).GetString();

    private static List<JsonElement> Items(JsonElement config, string name) =>
        config.GetProperty("Items").TryGetProperty(name, out var items) ? [.. items.EnumerateArray()] : [];

    private static async Task<JsonElement> ComputeAsync()
    {
        string[] properties = ["ContainerAppCommandInstruction", "ContainerWorkingDirectory", "ContainerUser", "ContainerRepository", "ContainerBaseImage"];
        string[] items = ["ContainerAppCommand", "ContainerPort", "ContainerEnvironmentVariables", "ContainerLabel"];
        var arguments = new List<string> { "msbuild", Path.Combine("src", "Roster.Api", "Roster.Api.csproj"), "-nologo", "-t:ComputeContainerConfig", "-p:Configuration=Release" };
        arguments.AddRange(properties.Select(p => "-getProperty:" + p));
        arguments.AddRange(items.Select(i => "-getItem:" + i));
        var (exitCode, output) = await ExternalTool.RunAsync("dotnet", arguments, ExternalTool.RepositoryRoot, TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, output);
        return JsonSerializer.Deserialize<JsonElement>(output[output.IndexOf('{', StringComparison.Ordinal)..]);
    }
}
