using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Generation;

/// <summary>An API node without the worker role: generation requests stay queued until a worker (or a test) takes them.</summary>
public sealed class QueueOnlyFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = ApiFixture.With(new Dictionary<string, string> { ["Generation:Worker"] = "false" });

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();
}
