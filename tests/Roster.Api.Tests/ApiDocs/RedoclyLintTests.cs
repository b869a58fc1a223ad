using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Roster.Api.Tests.ApiDocs;

/// <summary>
/// Redocly CLI (recommended rules, tests/OpenApi/redocly.yaml) finds no error in the live document. `./roster test`
/// installs it with npm ci in tests/OpenApi.
/// </summary>
public sealed class RedoclyLintTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Document_PassesRedoclyRecommendedRules()
    {
        var folder = Path.Combine(ExternalTool.RepositoryRoot, "tests", "OpenApi");
        var cli = Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is not installed: run `npm ci` in {folder} (./roster test does).");

        var document = Path.Combine(Path.GetTempPath(), $"roster-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await api.AnonymousClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        try
        {
            var (exit, text) = await ExternalTool.RunAsync("node",
                [cli, "lint", document, "--config", Path.Combine(folder, "redocly.yaml"), "--format", "json", "--max-problems", "1000"],
                folder, TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
            var json = text[text.IndexOf('{', StringComparison.Ordinal)..(text.LastIndexOf('}') + 1)];
            using var report = JsonDocument.Parse(json);
            var totals = report.RootElement.GetProperty("totals");
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            output.WriteLine($"redocly: {totals.GetProperty("errors").GetInt32()} errors, {totals.GetProperty("warnings").GetInt32()} warnings");
            foreach (var problem in problems)
            {
                output.WriteLine(problem);
            }

            Assert.True(totals.GetProperty("errors").GetInt32() == 0, string.Join('\n', problems.Where(p => p.StartsWith("error", StringComparison.Ordinal))));
            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(document);
        }
    }
}
